// Values of the checked-in catalog that scripts/catalog-from-sdk.mjs does not get from the SDK by its
// RULES (see the head of that script). Applied after generation, in this order. Each entry names
// one field (action, request|response, field path with "/" between nesting levels), the keys it
// sets (`set`) or drops (`remove`), and why. The script fails when an override no longer finds its
// field or has become redundant (the SDK now gives the value itself), so this list cannot rot
// silently. docs/catalog-generation.md lists the same entries for readers of the catalog.

export const OVERRIDES = {
  'swas-open': [
    {
      action: 'DescribeCommandInvocations',
      side: 'request',
      field: 'InvocationStatus',
      set: {
        enum: ['Pending', 'Running', 'Success', 'Failed', 'Invalid', 'Aborted', 'Timeout', 'Error',
          'Stopping', 'Stopped', 'Cancelled', 'Terminated', 'PartialFailed'],
      },
      reason: 'The remarks list the overall states (Pending, Running, Success, Failed, Stopping, Stopped, '
        + 'PartialFailed) as bullets and, as sub-bullets of Failed and Stopped, the per-instance states that '
        + 'roll up into them (Invalid, Aborted, Timeout, Error; Cancelled, Terminated). The enum rule reads '
        + 'top-level bullets only (sub-bullets elsewhere are prose, e.g. "Command that is set to run only '
        + 'once"); the checked-in catalog also accepts the per-instance states, in the order the remarks name '
        + 'them. Not confirmed against the live service: it may reject them as filter values.',
    },
    {
      action: 'DescribeCloudMonitorAgentStatuses',
      side: 'response',
      field: 'InstanceStatusList/AutoInstall',
      remove: ['enum'],
      reason: 'The only swas-open remarks that list valid values as "- " bullets (true, false) instead of '
        + '"*   " ones; the rule reads both (the ECS SDK uses "- "), the checked-in catalog has no enum here. '
        + 'A response field, so nothing validates against it; drop this override to take the enum.',
    },
  ],
};
