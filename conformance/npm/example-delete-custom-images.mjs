// Worked example for README: DeleteCustomImages with the official npm client, including the
// CustomImageInShare refusal. Run against a swasd started with --state-delay 0s:
//   SWASD_ENDPOINT=127.0.0.1:8080 SWASD_ACCESS_KEY_ID=... SWASD_ACCESS_KEY_SECRET=... node example-delete-custom-images.mjs
import * as swas from '@alicloud/swas-open20200601';
import { $OpenApiUtil } from '@alicloud/openapi-core';

const Client = typeof swas.default === 'function' ? swas.default : swas.default.default;
const client = new Client(new $OpenApiUtil.Config({
  accessKeyId: process.env.SWASD_ACCESS_KEY_ID,
  accessKeySecret: process.env.SWASD_ACCESS_KEY_SECRET,
  endpoint: process.env.SWASD_ENDPOINT ?? '127.0.0.1:8080',
  protocol: 'http',
  regionId: 'cn-hangzhou',
}));
const regionId = 'cn-hangzhou';

// a server, a snapshot of its system disk, and two custom images made from it
const images = await client.listImages(new swas.ListImagesRequest({ regionId, imageType: 'system' }));
const imageId = images.body.images.find((i) => i.platform === 'Linux').imageId;
const servers = await client.createInstances(new swas.CreateInstancesRequest({
  regionId, imageId, planId: 'swas.s2.c2m2s40b3t08', period: 1 }));
const instanceId = servers.body.instanceIds[0];
const disks = await client.listDisks(new swas.ListDisksRequest({ regionId, instanceId, diskType: 'system' }));
const snap = await client.createSnapshot(new swas.CreateSnapshotRequest({
  regionId, diskId: disks.body.disks[0].diskId, snapshotName: 'before-upgrade' }));
const make = async (imageName) => (await client.createCustomImage(new swas.CreateCustomImageRequest({
  regionId, instanceId, imageName, systemSnapshotId: snap.body.snapshotId }))).body.imageId;
const a = await make('web-2026-11');
const b = await make('web-2026-10');

// image a is shared to ECS, so the batch is refused and nothing is deleted
await client.modifyImageShareStatus(new swas.ModifyImageShareStatusRequest({ regionId, imageId: a, operation: 'Share' }));
try {
  await client.deleteCustomImages(new swas.DeleteCustomImagesRequest({
    regionId, imageIds: JSON.stringify([a, b]), clientToken: 'cleanup-2026-11-28' }));
} catch (e) {
  console.log(`refused: HTTP ${e.statusCode} ${e.code}: ${e.data?.Message}`);
}

// unshare, then the same batch (same token) deletes both
await client.modifyImageShareStatus(new swas.ModifyImageShareStatusRequest({ regionId, imageId: a, operation: 'UnShare' }));
const deleted = await client.deleteCustomImages(new swas.DeleteCustomImagesRequest({
  regionId, imageIds: JSON.stringify([a, b]), clientToken: 'cleanup-2026-11-28' }));
console.log(`deleted: HTTP ${deleted.statusCode}`, JSON.stringify(deleted.body));
const left = await client.listCustomImages(new swas.ListCustomImagesRequest({ regionId, instanceId }));
console.log(`custom images left: ${left.body.totalCount}`);
