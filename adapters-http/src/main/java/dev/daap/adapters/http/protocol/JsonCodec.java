package dev.daap.adapters.http.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.daap.adapters.http.problem.HttpProblemException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of the API, for reading request bodies and writing responses. Reading is strict
 * (unknown fields, scalars of the wrong type, trailing data and duplicate keys are errors), and every failure
 * becomes a 400 problem that names the field, never Jackson's own text.
 */
public final class JsonCodec {
    public static final String JSON = "application/json";

    private final ObjectMapper mapper = newObjectMapper();

    static ObjectMapper newObjectMapper() {
        // Jackson keeps its read and write buffers per thread by default, and every request runs on a new virtual
        // thread: each one allocated them afresh. A pool shared by all threads reuses them.
        JsonFactory factory = JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                .build();
        ObjectMapper mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // A number or boolean where a string belongs is a client mistake, not something to guess around.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reads a JSON object body into {@code type}. It goes through a tree so that every string and key, at any depth,
     * is checked for NUL ({@link NulCharacters}) before any of it is bound; a NUL can arrive as {@code \u0000} or as
     * an overlong UTF-8 sequence, so only the decoded text can be checked.
     */
    public <T> T read(byte[] body, Class<T> type) {
        ObjectNode tree = readObject(body);
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw JsonReadErrors.toProblem(e);
        }
    }

    /** Reads a JSON object body as a tree, for merge patches where absent and null differ; refuses a NUL in it. */
    public ObjectNode readObject(byte[] body) {
        requireContent(body);
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JacksonException e) {
            throw JsonReadErrors.toProblem(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        if (!(tree instanceof ObjectNode object)) {
            throw notAnObject();
        }
        NulCharacters.refuseInJson(object);
        return object;
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** {@code value} as the tree its JSON would be, for writers of other formats (CSV). */
    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    /** Sends {@code body} as {@code application/json} with {@code status}. */
    public void respond(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(write(body));
    }

    private static void requireContent(byte[] body) {
        if (body.length == 0) {
            throw HttpProblemException.malformed("the request body is empty; it must be a JSON object");
        }
    }

    private static HttpProblemException notAnObject() {
        return HttpProblemException.malformed("the request body must be a JSON object");
    }
}
