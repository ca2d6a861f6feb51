package dev.daap.domain.error;

/** Another live database already has this name. */
public final class NameTakenException extends DomainException {
    public NameTakenException(String name) {
        super("a database named '" + name + "' already exists");
    }

    @Override
    public String code() {
        return "name-taken";
    }
}
