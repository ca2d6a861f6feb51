package dev.daap.adapters.http.operation;

import dev.daap.application.operation.Operation;
import java.util.List;

/** The operations of one database, newest first. */
public record OperationListResponse(List<OperationResponse> items) {

    public static OperationListResponse from(List<Operation> operations) {
        return new OperationListResponse(
                operations.stream().map(OperationResponse::from).toList());
    }
}
