package dev.daap.application.user;

import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.user.AccessLevel;
import dev.daap.domain.user.UserName;
import java.util.ArrayList;
import java.util.List;

/** A new user of a database: its name (the database naming rule) and its access level. */
public record CreateUserCommand(UserName name, AccessLevel access) {

    /** Reports every field error at once. */
    public static CreateUserCommand of(String name, String access) {
        List<FieldError> errors = new ArrayList<>();
        UserName parsedName = null;
        AccessLevel parsedAccess = null;
        try {
            parsedName = new UserName(name);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("name", e.getMessage()));
        }
        if (access == null) {
            errors.add(new FieldError("access", "is required: owner, read_write or read_only"));
        } else {
            try {
                parsedAccess = AccessLevel.fromWireName(access);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("access", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CreateUserCommand(parsedName, parsedAccess);
    }
}
