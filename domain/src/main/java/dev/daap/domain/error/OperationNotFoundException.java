package dev.daap.domain.error;

/** No operation (job) has this id. */
public final class OperationNotFoundException extends DomainException {
    public OperationNotFoundException(String id) {
        super("no operation with id " + id);
    }

    @Override
    public String code() {
        return "operation-not-found";
    }
}
