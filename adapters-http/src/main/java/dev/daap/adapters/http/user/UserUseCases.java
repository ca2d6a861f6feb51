package dev.daap.adapters.http.user;

import dev.daap.application.user.CreateUser;
import dev.daap.application.user.DeleteUser;
import dev.daap.application.user.GetUser;
import dev.daap.application.user.ListUsers;
import dev.daap.application.user.ReadUserCredentials;
import dev.daap.application.user.RevokePreviousLogin;
import dev.daap.application.user.RotateUserCredentials;
import java.util.Objects;

/** The use cases behind {@code /v1/databases/{id}/users} and the database's credentials, wired by the bootstrap. */
public record UserUseCases(
        CreateUser create,
        ListUsers list,
        GetUser get,
        DeleteUser delete,
        ReadUserCredentials readCredentials,
        RotateUserCredentials rotate,
        RevokePreviousLogin revokePrevious) {
    public UserUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(readCredentials, "readCredentials");
        Objects.requireNonNull(rotate, "rotate");
        Objects.requireNonNull(revokePrevious, "revokePrevious");
    }
}
