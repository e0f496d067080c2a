package dev.swasd.swas;

import dev.swasd.store.ImageRepository;
import dev.swasd.store.InstanceRepository;
import dev.swasd.store.SnapshotRepository;
import dev.swasd.store.TagRepository;
import dev.swasd.swas.agents.AgentActions;
import dev.swasd.swas.commands.CommandActions;
import dev.swasd.swas.commands.OutcomeRules;
import dev.swasd.swas.console.ConsoleActions;
import dev.swasd.swas.console.ConsoleTokens;
import dev.swasd.swas.databases.DatabaseActions;
import dev.swasd.swas.databases.DatabaseInsightActions;
import dev.swasd.swas.firewall.FirewallActions;
import dev.swasd.swas.firewall.templates.FirewallTemplateActions;
import dev.swasd.swas.images.CustomImageActions;
import dev.swasd.swas.images.CustomImageService;
import dev.swasd.swas.images.EcsImageActions;
import dev.swasd.swas.instances.DiskService;
import dev.swasd.swas.instances.InstanceActions;
import dev.swasd.swas.instances.InstanceService;
import dev.swasd.swas.keypairs.KeyPairActions;
import dev.swasd.swas.monitoring.MonitoringActions;
import dev.swasd.swas.regions.ImageQueries;
import dev.swasd.swas.regions.Plans;
import dev.swasd.swas.regions.PublicImages;
import dev.swasd.swas.regions.RegionActions;
import dev.swasd.swas.requestlog.RequestLogActions;
import dev.swasd.swas.snapshots.SnapshotActions;
import dev.swasd.swas.snapshots.SnapshotService;
import dev.swasd.swas.tags.TagActions;
import dev.swasd.swas.tags.TagService;
import java.util.ArrayList;
import java.util.List;

/**
 * The SWAS domain, wired once: its services and the resource modules that implement the actions.
 * The one list of modules, used by the server and by the tests alike; a new family adds its
 * module here.
 */
public record SwasDomain(
        InstanceService instances,
        DiskService disks,
        SnapshotService snapshots,
        CustomImageService images,
        TagService tags,
        ResourceTypes resourceTypes,
        List<Object> modules) {

    /** Settings the domain takes from the server's configuration. */
    public record Settings(Regions regions, Quotas quotas, long stateDelayMillis) {}

    public static SwasDomain create(Settings settings) {
        Regions regions = settings.regions();
        Plans plans = Plans.defaults();
        PublicImages publicImages = PublicImages.defaults();
        Lifecycle lifecycle = new Lifecycle(settings.stateDelayMillis());
        InstanceRepository instanceRows = new InstanceRepository();
        SnapshotRepository snapshotRows = new SnapshotRepository();
        ImageRepository imageRows = new ImageRepository();
        TagRepository tagRows = new TagRepository();
        InstanceService instances = new InstanceService(
                regions, plans, publicImages, settings.quotas(), lifecycle, instanceRows, imageRows, tagRows);
        DiskService disks = new DiskService(regions, lifecycle, instanceRows, snapshotRows);
        SnapshotService snapshots = new SnapshotService(
                regions, settings.quotas(), lifecycle, instanceRows, snapshotRows, imageRows, tagRows);
        CustomImageService images = new CustomImageService(
                regions, publicImages, settings.quotas(), lifecycle, instanceRows, snapshotRows, imageRows, tagRows);
        FirewallActions firewall = new FirewallActions(instances, tagRows);
        instances.whenCreated(firewall::addDefaults);
        ConsoleActions console = new ConsoleActions(instances, new ConsoleTokens());
        DatabaseActions databases = new DatabaseActions(regions, lifecycle);
        instances.whenPasswordSet(console::passwordSet);
        KeyPairActions keyPairs = new KeyPairActions(regions, instances);
        CommandActions commands = new CommandActions(regions, lifecycle, instances, tagRows, new OutcomeRules());
        List<Object> modules = new ArrayList<>(List.of(
                new RegionActions(regions, plans, new ImageQueries(regions, publicImages), images),
                new InstanceActions(instances, disks, tagRows, keyPairs::useForLogin),
                new SnapshotActions(snapshots, tagRows),
                new CustomImageActions(images),
                new EcsImageActions(images),
                firewall,
                keyPairs,
                new FirewallTemplateActions(regions, lifecycle, firewall),
                console,
                databases,
                new DatabaseInsightActions(databases),
                new MonitoringActions(instances),
                new AgentActions(instances, lifecycle, commands::activity),
                new RequestLogActions(),
                commands));
        ResourceTypes types = new ResourceTypes(modules.stream()
                .filter(ResourceModule.class::isInstance)
                .flatMap(m -> ((ResourceModule) m).resourceTypes().stream())
                .toList());
        TagService tags = new TagService(regions, types, tagRows);
        modules.add(new TagActions(tags));
        return new SwasDomain(instances, disks, snapshots, images, tags, types, List.copyOf(modules));
    }
}
