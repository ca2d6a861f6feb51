package dev.daap.codegen;

import dev.daap.embedded.EmbeddedPostgres;
import dev.daap.embedded.Folders;
import dev.daap.migrations.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Build step of adapters-postgres: applies the Liquibase changelogs to a throwaway embedded PostgreSQL 17 and
 * generates jOOQ classes from the schema they produce, so the classes can never drift from the migrations.
 * When the changelogs and the generator are unchanged since the last run, it does nothing.
 *
 * <p>Arguments: output folder, target package.
 */
public final class GenerateJooqClasses {
    static final String SCHEMA = "daap";
    /** Bump when the generator configuration below changes, so that existing output is regenerated. */
    private static final int GENERATOR_REVISION = 3;

    private static final String CHECKSUM_FILE = ".changelog-checksum";
    /** Held here: java.util.logging keeps its loggers weakly, and a collected one would forget its level. */
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");

    private GenerateJooqClasses() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: GenerateJooqClasses <output folder> <package>");
        }
        quietLogging();
        Path output = Path.of(args[0]);
        String checksum = ChangelogChecksum.of(Migrator.class.getClassLoader(), "db/changelog/") + "/jooq-"
                + org.jooq.Constants.VERSION + "/generator-" + GENERATOR_REVISION;
        Path checksumFile = output.resolve(CHECKSUM_FILE);
        if (Files.exists(checksumFile) && Files.readString(checksumFile).equals(checksum)) {
            System.out.println("jOOQ classes are up to date with the changelogs");
            return;
        }
        System.out.println("Generating jOOQ classes from the changelogs, applied to a throwaway PostgreSQL 17");
        generate(output, args[1]);
        Files.writeString(checksumFile, checksum);
    }

    /**
     * Warnings and errors only: this runs inside every build, where Liquibase's 'Running Changeset' lines (through
     * java.util.logging) looked like a server migrating, and jOOQ's and the embedded server's progress is noise.
     */
    private static void quietLogging() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // jOOQ's open-source dialect warns on every server older than its newest (bootstrap's logback.xml agrees).
        System.setProperty("org.slf4j.simpleLogger.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport", "error");
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
    }

    private static void generate(Path output, String packageName) throws Exception {
        // Under the temp folder, not target/: when the build runs as root the server runs as another user,
        // who may not be able to enter the checkout's folders.
        Path work = Files.createTempDirectory("daap-codegen-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(work, 0, Map.of("fsync", "off"))) {
            var dataSource = new PGSimpleDataSource();
            dataSource.setUrl(postgres.jdbcUrl("postgres"));
            dataSource.setUser(EmbeddedPostgres.SUPERUSER);
            dataSource.setPassword(postgres.password());
            new Migrator(dataSource, SCHEMA).up();
            GenerationTool.generate(configuration(postgres, output, packageName));
        } finally {
            deleteQuietly(work);
        }
    }

    private static Configuration configuration(EmbeddedPostgres postgres, Path output, String packageName) {
        return new Configuration()
                .withJdbc(new Jdbc()
                        .withDriver("org.postgresql.Driver")
                        .withUrl(postgres.jdbcUrl("postgres"))
                        .withUser(EmbeddedPostgres.SUPERUSER)
                        .withPassword(postgres.password()))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema(SCHEMA)
                                .withIncludes(".*")
                                // Liquibase's bookkeeping and pg_trgm's objects are not ours to map.
                                .withExcludes("databasechangelog|databasechangeloglock|.*trgm.*|gtrgm.*"
                                        + "|similarity.*|word_similarity.*|strict_word_similarity.*|show_limit|set_limit"
                                        // A search column that only the list's WHERE clause reads: left out of the
                                        // generated table, so that no select fetches it (JooqDatabases names it).
                                        + "|(.*\\.)?databases\\.purpose_lower"
                                        + "|(.*\\.)?databases\\.search_document")
                                .withIncludeExcludeColumns(true)
                                // timestamptz is an instant: no offset to carry around or compare wrongly.
                                .withForcedTypes(new ForcedType()
                                        .withName("INSTANT")
                                        .withIncludeTypes("(?i:timestamp\\s+with\\s+time\\s+zone)")))
                        .withGenerate(new Generate()
                                .withRoutines(false)
                                .withUdts(false)
                                .withPojos(false)
                                .withDaos(false)
                                .withRecords(true)
                                .withJavaTimeTypes(true)
                                .withFluentSetters(true)
                                .withGeneratedAnnotation(false)
                                .withComments(true))
                        .withTarget(new Target()
                                .withPackageName(packageName)
                                .withDirectory(output.toString())
                                .withClean(true)));
    }

    private static void deleteQuietly(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }
}
