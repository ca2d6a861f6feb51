package dev.daap.adapters.http.database;

/**
 * One member of a JSON merge patch, which has three states: absent (leave it), null (remove it), or a value.
 *
 * @param value null when the member was sent as null
 */
public record PatchField<T>(boolean present, T value) {
    private static final PatchField<?> ABSENT = new PatchField<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> PatchField<T> absent() {
        return (PatchField<T>) ABSENT;
    }

    public static <T> PatchField<T> of(T valueOrNull) {
        return new PatchField<>(true, valueOrNull);
    }
}
