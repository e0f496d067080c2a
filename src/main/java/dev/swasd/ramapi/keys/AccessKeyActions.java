package dev.swasd.ramapi.keys;

import dev.swasd.api.Call;
import dev.swasd.api.ram.RamApi;
import dev.swasd.api.ram.RamRequests.CreateAccessKeyRequest;
import dev.swasd.api.ram.RamRequests.DeleteAccessKeyRequest;
import dev.swasd.api.ram.RamRequests.ListAccessKeysRequest;
import dev.swasd.api.ram.RamRequests.UpdateAccessKeyRequest;
import dev.swasd.api.ram.RamResponses.CreateAccessKeyResponse;
import dev.swasd.api.ram.RamResponses.DeleteAccessKeyResponse;
import dev.swasd.api.ram.RamResponses.ListAccessKeysResponse;
import dev.swasd.api.ram.RamResponses.UpdateAccessKeyResponse;
import dev.swasd.ramapi.RamAccessKeys;
import dev.swasd.ramapi.RamShapes;

/**
 * AccessKeys of RAM users: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey
 * (ram-api.md 2.2). Without {@code UserName} each is about the calling RAM user.
 */
public final class AccessKeyActions implements RamApi {
    private final RamAccessKeys keys;

    public AccessKeyActions(RamAccessKeys keys) {
        this.keys = keys;
    }

    @Override
    public CreateAccessKeyResponse createAccessKey(Call call, CreateAccessKeyRequest r) {
        RamAccessKeys.CreatedKey k = keys.create(call.tx(), call.accountId(), call.now(), target(call, r.userName()));
        return new CreateAccessKeyResponse(new CreateAccessKeyResponse.AccessKey(
                k.key().accessKeyId(),
                k.secret(),
                RamShapes.time(k.key().createdAtMillis()),
                k.key().status()));
    }

    @Override
    public ListAccessKeysResponse listAccessKeys(Call call, ListAccessKeysRequest r) {
        return new ListAccessKeysResponse(new ListAccessKeysResponse.AccessKeys(
                keys.list(call.tx(), call.accountId(), target(call, r.userName())).stream()
                        .map(k -> new ListAccessKeysResponse.AccessKeys.AccessKey(
                                k.accessKeyId(), RamShapes.time(k.createdAtMillis()), k.status()))
                        .toList()));
    }

    @Override
    public UpdateAccessKeyResponse updateAccessKey(Call call, UpdateAccessKeyRequest r) {
        keys.update(call.tx(), call.accountId(), target(call, r.userName()), r.userAccessKeyId(), r.status());
        return new UpdateAccessKeyResponse();
    }

    @Override
    public DeleteAccessKeyResponse deleteAccessKey(Call call, DeleteAccessKeyRequest r) {
        keys.delete(call.tx(), call.accountId(), target(call, r.userName()), r.userAccessKeyId());
        return new DeleteAccessKeyResponse();
    }

    /** The user a key action is about: {@code UserName}, else the calling RAM user (root must name one). */
    private static String target(Call call, String userName) {
        return RamAccessKeys.targetUser(userName, call.userName());
    }
}
