package dev.daap.domain.access;

import java.util.Objects;

/**
 * A request's caller, as use cases see it: who ({@link Principal}) and, for the audit log, which request and from
 * which address.
 *
 * @param requestId     the request id that responses and logs carry
 * @param clientAddress the client's IP address as the server saw it
 */
public record Caller(Principal principal, String requestId, String clientAddress) {
    public Caller {
        Objects.requireNonNull(principal, "principal");
        requestId = requestId == null ? "" : requestId;
        clientAddress = clientAddress == null ? "" : clientAddress;
    }
}
