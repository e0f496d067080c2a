package dev.swasd.ramapi;

import dev.swasd.store.RamAttachmentRepository;
import dev.swasd.store.RamEpochRepository;
import dev.swasd.store.RamGroupRepository;
import dev.swasd.store.RamPolicyRepository;
import dev.swasd.store.RamUserRepository;
import dev.swasd.store.TagRepository;
import dev.swasd.store.UserKeyRepository;

/** The repositories the RAM domain works on, handed around as one. */
public record RamStore(
        RamUserRepository users,
        RamGroupRepository groups,
        RamPolicyRepository policies,
        RamAttachmentRepository attachments,
        UserKeyRepository keys,
        RamEpochRepository epochs,
        TagRepository tags) {

    public static RamStore standard() {
        return new RamStore(
                new RamUserRepository(),
                new RamGroupRepository(),
                new RamPolicyRepository(),
                new RamAttachmentRepository(),
                new UserKeyRepository(),
                new RamEpochRepository(),
                new TagRepository());
    }
}
