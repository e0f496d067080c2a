package dev.swasd.ramapi.groups;

import dev.swasd.api.Call;
import dev.swasd.api.ram.RamApi;
import dev.swasd.api.ram.RamRequests.AddUserToGroupRequest;
import dev.swasd.api.ram.RamRequests.CreateGroupRequest;
import dev.swasd.api.ram.RamRequests.DeleteGroupRequest;
import dev.swasd.api.ram.RamRequests.GetGroupRequest;
import dev.swasd.api.ram.RamRequests.ListGroupsForUserRequest;
import dev.swasd.api.ram.RamRequests.ListGroupsRequest;
import dev.swasd.api.ram.RamRequests.ListUsersForGroupRequest;
import dev.swasd.api.ram.RamRequests.RemoveUserFromGroupRequest;
import dev.swasd.api.ram.RamResponses.AddUserToGroupResponse;
import dev.swasd.api.ram.RamResponses.CreateGroupResponse;
import dev.swasd.api.ram.RamResponses.DeleteGroupResponse;
import dev.swasd.api.ram.RamResponses.GetGroupResponse;
import dev.swasd.api.ram.RamResponses.ListGroupsForUserResponse;
import dev.swasd.api.ram.RamResponses.ListGroupsResponse;
import dev.swasd.api.ram.RamResponses.ListUsersForGroupResponse;
import dev.swasd.api.ram.RamResponses.RemoveUserFromGroupResponse;
import dev.swasd.ramapi.Page;
import dev.swasd.ramapi.RamGroups;
import dev.swasd.ramapi.RamShapes;
import dev.swasd.store.Joined;
import dev.swasd.store.RamGroupRecord;
import dev.swasd.store.RamUserRecord;

/**
 * RAM groups and their members: CreateGroup, GetGroup, ListGroups, DeleteGroup, AddUserToGroup,
 * RemoveUserFromGroup, ListGroupsForUser, ListUsersForGroup.
 */
public final class GroupActions implements RamApi {
    private final RamGroups groups;

    public GroupActions(RamGroups groups) {
        this.groups = groups;
    }

    @Override
    public CreateGroupResponse createGroup(Call call, CreateGroupRequest r) {
        RamGroupRecord g = groups.create(call.tx(), call.accountId(), call.now(), r.groupName(), r.comments());
        // no UpdateDate: the group was just made
        return new CreateGroupResponse(
                new CreateGroupResponse.Group(g.comments(), RamShapes.time(g.createdAt()), g.groupId(), g.groupName()));
    }

    @Override
    public GetGroupResponse getGroup(Call call, GetGroupRequest r) {
        RamGroupRecord g = groups.get(call.tx(), call.accountId(), r.groupName());
        return new GetGroupResponse(new GetGroupResponse.Group(
                g.comments(),
                RamShapes.time(g.createdAt()),
                g.groupId(),
                g.groupName(),
                RamShapes.time(g.updatedAt())));
    }

    @Override
    public ListGroupsResponse listGroups(Call call, ListGroupsRequest r) {
        Page<RamGroupRecord> page = groups.list(call.tx(), call.accountId(), r.marker(), Page.maxItems(r.maxItems()));
        return new ListGroupsResponse(
                new ListGroupsResponse.Groups(page.items().stream()
                        .map(g -> new ListGroupsResponse.Groups.Group(
                                g.comments(),
                                RamShapes.time(g.createdAt()),
                                g.groupId(),
                                g.groupName(),
                                RamShapes.time(g.updatedAt())))
                        .toList()),
                page.truncated(),
                page.marker());
    }

    @Override
    public DeleteGroupResponse deleteGroup(Call call, DeleteGroupRequest r) {
        groups.delete(call.tx(), call.accountId(), r.groupName());
        return new DeleteGroupResponse();
    }

    @Override
    public AddUserToGroupResponse addUserToGroup(Call call, AddUserToGroupRequest r) {
        groups.addUser(call.tx(), call.accountId(), call.now(), r.userName(), r.groupName());
        return new AddUserToGroupResponse();
    }

    @Override
    public RemoveUserFromGroupResponse removeUserFromGroup(Call call, RemoveUserFromGroupRequest r) {
        groups.removeUser(call.tx(), call.accountId(), r.userName(), r.groupName());
        return new RemoveUserFromGroupResponse();
    }

    @Override
    public ListGroupsForUserResponse listGroupsForUser(Call call, ListGroupsForUserRequest r) {
        return new ListGroupsForUserResponse(new ListGroupsForUserResponse.Groups(
                groups.groupsForUser(call.tx(), call.accountId(), r.userName()).stream()
                        .map(GroupActions::joinedGroup)
                        .toList()));
    }

    @Override
    public ListUsersForGroupResponse listUsersForGroup(Call call, ListUsersForGroupRequest r) {
        Page<Joined<RamUserRecord>> page = groups.usersForGroup(
                call.tx(), call.accountId(), r.groupName(), r.marker(), Page.maxItems(r.maxItems()));
        return new ListUsersForGroupResponse(
                page.truncated(),
                page.marker(),
                new ListUsersForGroupResponse.Users(page.items().stream()
                        .map(j -> new ListUsersForGroupResponse.Users.User(
                                j.entity().displayName(),
                                RamShapes.time(j.joinedAt()),
                                j.entity().userName()))
                        .toList()));
    }

    private static ListGroupsForUserResponse.Groups.Group joinedGroup(Joined<RamGroupRecord> j) {
        RamGroupRecord g = j.entity();
        return new ListGroupsForUserResponse.Groups.Group(
                g.comments(), g.groupId(), g.groupName(), RamShapes.time(j.joinedAt()));
    }
}
