package dev.swasd.ramapi.users;

import dev.swasd.api.Call;
import dev.swasd.api.ram.RamApi;
import dev.swasd.api.ram.RamRequests.CreateUserRequest;
import dev.swasd.api.ram.RamRequests.DeleteUserRequest;
import dev.swasd.api.ram.RamRequests.GetUserRequest;
import dev.swasd.api.ram.RamRequests.ListUsersRequest;
import dev.swasd.api.ram.RamRequests.UpdateUserRequest;
import dev.swasd.api.ram.RamResponses.CreateUserResponse;
import dev.swasd.api.ram.RamResponses.DeleteUserResponse;
import dev.swasd.api.ram.RamResponses.GetUserResponse;
import dev.swasd.api.ram.RamResponses.ListUsersResponse;
import dev.swasd.api.ram.RamResponses.UpdateUserResponse;
import dev.swasd.ramapi.Page;
import dev.swasd.ramapi.RamShapes;
import dev.swasd.ramapi.RamUsers;
import dev.swasd.store.RamUserRecord;

/** RAM users: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser (ram-api.md 2.1). */
public final class UserActions implements RamApi {
    private final RamUsers users;

    public UserActions(RamUsers users) {
        this.users = users;
    }

    @Override
    public CreateUserResponse createUser(Call call, CreateUserRequest r) {
        RamUserRecord u = users.create(
                call.tx(),
                call.accountId(),
                call.now(),
                new RamUsers.NewUser(r.userName(), r.displayName(), r.mobilePhone(), r.email(), r.comments()));
        // no UpdateDate: the user was just made
        return new CreateUserResponse(CreateUserResponse.User.builder()
                .userId(u.userId())
                .userName(u.userName())
                .displayName(u.displayName())
                .mobilePhone(u.mobilePhone())
                .email(u.email())
                .comments(u.comments())
                .createDate(RamShapes.time(u.createdAt()))
                .build());
    }

    @Override
    public GetUserResponse getUser(Call call, GetUserRequest r) {
        RamUserRecord u = users.get(call.tx(), call.accountId(), r.userName());
        return new GetUserResponse(GetUserResponse.User.builder()
                .userId(u.userId())
                .userName(u.userName())
                .displayName(u.displayName())
                .mobilePhone(u.mobilePhone())
                .email(u.email())
                .comments(u.comments())
                .createDate(RamShapes.time(u.createdAt()))
                .updateDate(RamShapes.time(u.updatedAt()))
                .build());
    }

    @Override
    public ListUsersResponse listUsers(Call call, ListUsersRequest r) {
        Page<RamUserRecord> page = users.list(call.tx(), call.accountId(), r.marker(), Page.maxItems(r.maxItems()));
        // ListUsers does not return Email and MobilePhone (ram-api.md 2.1)
        return new ListUsersResponse(
                page.truncated(),
                page.marker(),
                new ListUsersResponse.Users(page.items().stream()
                        .map(u -> ListUsersResponse.Users.User.builder()
                                .userId(u.userId())
                                .userName(u.userName())
                                .displayName(u.displayName())
                                .comments(u.comments())
                                .createDate(RamShapes.time(u.createdAt()))
                                .updateDate(RamShapes.time(u.updatedAt()))
                                .build())
                        .toList()));
    }

    @Override
    public UpdateUserResponse updateUser(Call call, UpdateUserRequest r) {
        RamUserRecord u = users.update(
                call.tx(),
                call.accountId(),
                call.now(),
                r.userName(),
                new RamUsers.UserChanges(
                        r.newUserName(), r.newDisplayName(), r.newMobilePhone(), r.newEmail(), r.newComments()));
        return new UpdateUserResponse(UpdateUserResponse.User.builder()
                .userId(u.userId())
                .userName(u.userName())
                .displayName(u.displayName())
                .mobilePhone(u.mobilePhone())
                .email(u.email())
                .comments(u.comments())
                .createDate(RamShapes.time(u.createdAt()))
                .updateDate(RamShapes.time(u.updatedAt()))
                .build());
    }

    @Override
    public DeleteUserResponse deleteUser(Call call, DeleteUserRequest r) {
        users.delete(call.tx(), call.accountId(), r.userName());
        return new DeleteUserResponse();
    }
}
