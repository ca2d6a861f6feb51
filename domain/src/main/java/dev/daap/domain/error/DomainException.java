package dev.daap.domain.error;

/**
 * Every failure the domain and its use cases report on purpose. Each kind has a stable {@link #code()} that
 * adapters translate (to a problem type URI, an exit code, …); anything that is not a DomainException is a bug
 * or an outage.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException,
                DatabaseNotFoundException,
                OperationNotFoundException,
                NameTakenException,
                IllegalTransitionException,
                VersionMismatchException,
                ConcurrentChangeException,
                StoreUnavailableException,
                TeamNotFoundException,
                TeamTakenException,
                ApiKeyNotFoundException,
                NotAuthenticatedException,
                AccessDeniedException,
                ClusterNotFoundException,
                ClusterTakenException,
                ClusterNotEmptyException,
                NoCapacityException,
                SnapshotNotFoundException,
                SnapshotLimitException,
                UserLimitException,
                BackupLimitException,
                DeletionProtectedException,
                RestoreWindowExpiredException,
                BackupNotFoundException,
                BackupUnavailableException,
                DatabaseDeletedException,
                RevisionNotFoundException,
                UserNotFoundException,
                PlanNotFoundException,
                PlanTakenException,
                PlanInUseException,
                PlanTooSmallException,
                QuotaExceededException,
                BudgetExceededException,
                AlreadyOnClusterException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable, kebab-case identifier of this kind of failure. */
    public abstract String code();
}
