package dev.daap.domain.error;

/** The database has deletion protection on; the owner must turn it off (a PATCH) before deleting it. */
public final class DeletionProtectedException extends DomainException {
    public DeletionProtectedException(String id) {
        super("database " + id + " has deletion protection on; turn deletion_protection off first");
    }

    @Override
    public String code() {
        return "deletion-protected";
    }
}
