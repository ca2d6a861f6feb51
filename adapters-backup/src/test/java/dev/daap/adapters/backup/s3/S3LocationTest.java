package dev.daap.adapters.backup.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code DAAP_BACKUP_URL=s3://…} may say, and where a backup's object goes under it. */
class S3LocationTest {

    @Test
    void theObjectOfABackupIsUnderThePrefixOrAtTheTopOfTheBucket() {
        assertThat(S3Location.parse("s3://daap-backups/prod/eu/").objectKey("0192.dump.daapenc"))
                .isEqualTo("prod/eu/0192.dump.daapenc");
        assertThat(S3Location.parse("s3://daap.backups").objectKey("0192.dump.daapenc"))
                .isEqualTo("0192.dump.daapenc");
        assertThat(S3Location.parse("s3://daap-backups//prod").toString()).isEqualTo("s3://daap-backups/prod");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://daap-backups/prod",
                "s3://",
                "s3://ab",
                "s3://Daap-Backups",
                "s3://-daap",
                "s3://daap..backups",
                "s3://daap-backups/a//b",
                "s3://daap-backups/a/../b",
                "s3://daap-backups/a b",
                "s3://daap-backups:9000/prod",
                "s3://daap-backups/prod?versionId=1",
            })
    void aLocationThatS3WouldRefuseOrThatMeansSomethingElseIsRefusedAtOnce(String url) {
        assertThatThrownBy(() -> S3Location.parse(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysInTheUrlAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> S3Location.parse("s3://AKIAEXAMPLE:hunter2@daap-backups/prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("AKIAEXAMPLE");
    }

    @Test
    void aStoreKeyThatCouldLeaveThePrefixIsRefused() {
        S3Location location = S3Location.parse("s3://daap-backups/prod");

        assertThatThrownBy(() -> location.objectKey("../other/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> location.objectKey("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
