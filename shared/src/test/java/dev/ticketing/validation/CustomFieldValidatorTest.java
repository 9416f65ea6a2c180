package dev.ticketing.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.CustomField;
import dev.ticketing.model.CustomFieldOption;
import dev.ticketing.model.CustomFieldType;
import dev.ticketing.model.Instance;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomFieldValidatorTest {

    private static final String PATH = "ticket.customFields";

    static final String TEXT = "7670050a-cf1a-4d3d-8179-5eba888dea5f";
    static final String AREA = "4aad4ef9-3242-4bb6-87f7-29428567429f";
    static final String TOGGLE = "862bd88d-f691-4a7b-a89a-f6f48550fc27";
    static final String DATE = "7ee98e41-c4d0-4d4c-beb9-2b7f8f8c35c8";
    static final String PEOPLE = "146db0c4-de24-4818-a131-a27161bb7ad0";
    static final String SINGLE = "5b9f56bc-ec6a-45a3-b7ce-c25e1d8cfd69";
    static final String MULTI = "fef751d6-067d-431b-8a6d-667056eff6ee";
    static final String NUMBER = "0f0e0d0c-0b0a-4909-8807-060504030201";
    static final String REQUIRED = "aaaaaaaa-0000-4000-8000-000000000001";
    static final String DELETED = "aaaaaaaa-0000-4000-8000-000000000002";
    static final String DELETED_REQUIRED = "aaaaaaaa-0000-4000-8000-000000000003";

    static final String HEAD_OFFICE = "f72541a9-c964-4c81-bc1a-4f1f2d948416";
    static final String REMOTE = "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    static final String EMAIL = "70d42d78-899a-4d5e-8cf0-79a0e4a6b0b1";
    static final String VPN = "fe68df23-432e-4c0f-9841-a018b7f46d0b";
    static final String FAX_DELETED = "0b8c8f5e-51a7-4a4e-8f39-2f6f0f7c9a01";

    /** One optional field of each type, as the reference's example 2 uses them, plus a number. */
    static final Instance INSTANCE = instance(
            field(TEXT, "Asset tag", CustomFieldType.textField, false, 10),
            field(AREA, "Steps", CustomFieldType.textArea, false, null),
            field(TOGGLE, "Blocking work", CustomFieldType.toggle, false, null),
            field(DATE, "Needed by", CustomFieldType.datePicker, false, null),
            field(PEOPLE, "Impacted people", CustomFieldType.peoplePicker, false, null),
            new CustomField(SINGLE, "Location", CustomFieldType.singleItemPicker, false, null,
                    List.of(new CustomFieldOption(HEAD_OFFICE, "Head office", false),
                            new CustomFieldOption(REMOTE, "Remote", false)), false),
            new CustomField(MULTI, "Affected systems", CustomFieldType.multipleItemsPicker, false, null,
                    List.of(new CustomFieldOption(EMAIL, "Email", false), new CustomFieldOption(VPN, "VPN", false),
                            new CustomFieldOption(FAX_DELETED, "Fax", true)), false),
            field(NUMBER, "Cost", CustomFieldType.number, false, null));

    private static CustomField field(String id, String name, CustomFieldType type, boolean required,
                                     Integer maxLength) {
        return new CustomField(id, name, type, required, maxLength, List.of(), false);
    }

    static Instance instance(CustomField... fields) {
        return new Instance("i-1", null, "Test", true, null, null, null, null, null, List.of(fields),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static ObjectNode values(String json) {
        try {
            return (ObjectNode) Json.parse(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static ObjectNode one(String fieldId, String valueJson) {
        return values("{\"" + fieldId + "\": " + valueJson + "}");
    }

    /** The values accepted for a create, failing the test if any error is reported. */
    static ObjectNode accepted(Instance instance, JsonNode values) {
        Errors errors = new Errors();
        ObjectNode cleaned = CustomFieldValidator.forCreate(values, instance, PATH, errors);
        assertThat(errors.isEmpty()).as("errors for %s: %s", values, errorsOf(errors)).isTrue();
        return cleaned;
    }

    static List<FieldError> rejectedOnCreate(Instance instance, JsonNode values) {
        Errors errors = new Errors();
        CustomFieldValidator.forCreate(values, instance, PATH, errors);
        return errorsOf(errors);
    }

    static List<FieldError> rejectedOnUpdate(Instance instance, JsonNode values) {
        Errors errors = new Errors();
        CustomFieldValidator.forUpdate(values, instance, PATH, errors);
        return errorsOf(errors);
    }

    static List<FieldError> errorsOf(Errors errors) {
        ValidationException e = catchThrowableOfType(ValidationException.class, errors::throwIfAny);
        return e == null ? List.of() : e.details();
    }

    /** Every rejection names the field by its id (in the path) and by its display name (in the message). */
    static void assertOneErrorNaming(List<FieldError> errors, String fieldId, String displayName) {
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo(PATH + "." + fieldId);
        assertThat(errors.get(0).message()).contains("'" + displayName + "'");
    }

    @Test
    void referenceExample2Values_allSevenTypes_areAccepted() {
        ObjectNode example = values("""
                {
                  "146db0c4-de24-4818-a131-a27161bb7ad0": [
                    {"id": "053660b7-xxxx-xxxx-xxxx-xxxxxxxxxxx", "name": "Allan Deyoung",
                            "email": "AllanD@xxxxxxxx.com"}],
                  "fef751d6-067d-431b-8a6d-667056eff6ee": ["70d42d78-899a-4d5e-8cf0-79a0e4a6b0b1",
                    "fe68df23-432e-4c0f-9841-a018b7f46d0b"],
                  "4aad4ef9-3242-4bb6-87f7-29428567429f": "long text area\\nbla bla bla",
                  "7670050a-cf1a-4d3d-8179-5eba888dea5f": "text",
                  "862bd88d-f691-4a7b-a89a-f6f48550fc27": true,
                  "5b9f56bc-ec6a-45a3-b7ce-c25e1d8cfd69": ["f72541a9-c964-4c81-bc1a-4f1f2d948416"],
                  "7ee98e41-c4d0-4d4c-beb9-2b7f8f8c35c8": "2023-07-26T17:00:00Z"
                }""");

        assertThat(accepted(INSTANCE, example)).isEqualTo(example);
    }

    @Test
    void unknownFieldId_isRejected_namingThePath() {
        List<FieldError> errors = rejectedOnCreate(INSTANCE, one("not-a-field", "\"x\""));

        assertThat(errors).extracting(FieldError::field).containsExactly(PATH + ".not-a-field");
    }

    @Test
    void nonObjectValues_areRejected() {
        assertThat(rejectedOnCreate(INSTANCE, Json.MAPPER.createArrayNode()))
                .extracting(FieldError::field).containsExactly(PATH);
    }

    @Test
    void severalBadValues_areAllReported_inOneValidation() {
        List<FieldError> errors = rejectedOnCreate(INSTANCE,
                values("{\"" + TOGGLE + "\": \"yes\", \"" + NUMBER + "\": \"12\", \"" + DATE + "\": 5}"));

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder(PATH + "." + TOGGLE, PATH + "." + NUMBER, PATH + "." + DATE);
    }

    @Nested
    class TextField {

        @Test
        void text_isAccepted_trimmed() {
            assertThat(accepted(INSTANCE, one(TEXT, "\"  A-42  \"")).get(TEXT).asText()).isEqualTo("A-42");
        }

        @Test
        void textAtMaxLength_isAccepted() {
            assertThat(accepted(INSTANCE, one(TEXT, "\"0123456789\"")).get(TEXT).asText()).hasSize(10);
        }

        @Test
        void textOverMaxLength_isRejected_withTheLimit() {
            List<FieldError> errors = rejectedOnCreate(INSTANCE, one(TEXT, "\"01234567890\""));

            assertOneErrorNaming(errors, TEXT, "Asset tag");
            assertThat(errors.get(0).message()).contains("at most 10");
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "true", "[\"a\"]", "{\"a\": 1}"})
        void nonString_isRejected(String value) {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(TEXT, value)), TEXT, "Asset tag");
        }

        @Test
        void withoutMaxLength_defaultLimitApplies() {
            Instance noLimit = instance(field(TEXT, "Free", CustomFieldType.textField, false, null));
            String longest = "\"" + "x".repeat(CustomField.DEFAULT_MAX_TEXT_LENGTH) + "\"";
            String tooLong = "\"" + "x".repeat(CustomField.DEFAULT_MAX_TEXT_LENGTH + 1) + "\"";

            accepted(noLimit, one(TEXT, longest));
            assertOneErrorNaming(rejectedOnCreate(noLimit, one(TEXT, tooLong)), TEXT, "Free");
        }
    }

    @Nested
    class TextArea {

        @Test
        void multiLineText_isAccepted_withItsLineBreaks() {
            assertThat(accepted(INSTANCE, one(AREA, "\"line 1\\nline 2\"")).get(AREA).asText())
                    .isEqualTo("line 1\nline 2");
        }

        @Test
        void textAreaDefaultLimit_isLargerThanATextFieldsButBounded() {
            String longest = "\"" + "x".repeat(CustomField.DEFAULT_MAX_TEXT_AREA_LENGTH) + "\"";
            String tooLong = "\"" + "x".repeat(CustomField.DEFAULT_MAX_TEXT_AREA_LENGTH + 1) + "\"";

            accepted(INSTANCE, one(AREA, longest));
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(AREA, tooLong)), AREA, "Steps");
        }

        @Test
        void nonString_isRejected() {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(AREA, "[\"a\"]")), AREA, "Steps");
        }
    }

    @Nested
    class Toggle {

        @ParameterizedTest
        @ValueSource(strings = {"true", "false"})
        void booleans_areAccepted(String value) {
            assertThat(accepted(INSTANCE, one(TOGGLE, value)).get(TOGGLE).asText()).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"true\"", "1", "0", "\"yes\"", "[]"})
        void nonBooleans_areRejected(String value) {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(TOGGLE, value)), TOGGLE, "Blocking work");
        }
    }

    @Nested
    class DatePicker {

        @ParameterizedTest
        @ValueSource(strings = {"2023-07-26T17:00:00Z", "2023-07-26T17:00:00.123Z", "2023-07-27T00:00:00+07:00",
                "2023-07-26"})
        void iso8601DatesAndDateTimes_areAccepted(String value) {
            assertThat(accepted(INSTANCE, one(DATE, "\"" + value + "\"")).get(DATE).asText()).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"26/07/2023\"", "\"2023-07-26T17:00:00\"", "\"2023-13-01\"", "\"tomorrow\"",
                "\"\"", "1690390800000", "true", "\"+999999999-12-31T23:59:59Z\"", "\"0000-01-01T00:00:00Z\"",
                "\"-0001-01-01\"", "\"1969-12-31T23:59:59Z\"", "\"9999-12-31T00:00:00Z\""})
        void otherValues_areRejected_withAnExample(String value) {
            List<FieldError> errors = rejectedOnCreate(INSTANCE, one(DATE, value));

            assertOneErrorNaming(errors, DATE, "Needed by");
            assertThat(errors.get(0).message()).contains("ISO-8601");
        }
    }

    @Nested
    class PeoplePicker {

        @Test
        void arrayOfUsers_isAccepted() {
            ObjectNode value = one(PEOPLE, "[{\"id\": \"u1\", \"name\": \"Allan\", \"email\": \"a@example.com\"},"
                    + " {\"id\": \"u2\"}]");

            assertThat(accepted(INSTANCE, value).get(PEOPLE)).hasSize(2);
        }

        @Test
        void emptyArray_isAccepted_whenOptional() {
            assertThat(accepted(INSTANCE, one(PEOPLE, "[]")).get(PEOPLE)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"id\": \"u1\"}", "\"u1\"", "[\"u1\"]", "[{\"name\": \"no id\"}]",
                "[{\"id\": \"u1\", \"email\": \"not-an-email\"}]", "[{\"id\": \"u1\", \"role\": \"admin\"}]",
                "[{\"id\": \"  \"}]"})
        void nonUsers_areRejected(String value) {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(PEOPLE, value)), PEOPLE, "Impacted people");
        }

        @Test
        void emptyArray_isRejected_whenRequired() {
            Instance required = instance(field(PEOPLE, "Approvers", CustomFieldType.peoplePicker, true, null));

            assertOneErrorNaming(rejectedOnCreate(required, one(PEOPLE, "[]")), PEOPLE, "Approvers");
        }
    }

    @Nested
    class SingleItemPicker {

        @Test
        void oneOptionId_inAnArray_isAccepted() {
            assertThat(accepted(INSTANCE, one(SINGLE, "[\"" + HEAD_OFFICE + "\"]")).get(SINGLE))
                    .containsExactly(Json.MAPPER.getNodeFactory().textNode(HEAD_OFFICE));
        }

        @Test
        void oneOptionId_asAPlainString_isAccepted_asAnArray() {
            assertThat(accepted(INSTANCE, one(SINGLE, "\"" + REMOTE + "\"")).get(SINGLE))
                    .containsExactly(Json.MAPPER.getNodeFactory().textNode(REMOTE));
        }

        @Test
        void twoOptionIds_areRejected() {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(SINGLE,
                    "[\"" + HEAD_OFFICE + "\", \"" + REMOTE + "\"]")), SINGLE, "Location");
        }

        @Test
        void unknownOptionId_isRejected_namingIt() {
            List<FieldError> errors = rejectedOnCreate(INSTANCE, one(SINGLE, "[\"no-such-option\"]"));

            assertOneErrorNaming(errors, SINGLE, "Location");
            assertThat(errors.get(0).message()).contains("no-such-option");
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "true", "[42]", "{\"id\": \"x\"}"})
        void nonIds_areRejected(String value) {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(SINGLE, value)), SINGLE, "Location");
        }
    }

    @Nested
    class MultipleItemsPicker {

        @Test
        void severalOptionIds_areAccepted_inTheirOrder() {
            assertThat(accepted(INSTANCE, one(MULTI, "[\"" + VPN + "\", \"" + EMAIL + "\"]")).get(MULTI))
                    .extracting(JsonNode::asText).containsExactly(VPN, EMAIL);
        }

        @Test
        void deletedOption_isRejected_namingIt() {
            List<FieldError> errors = rejectedOnCreate(INSTANCE, one(MULTI, "[\"" + EMAIL + "\", \"" + FAX_DELETED
                    + "\"]"));

            assertOneErrorNaming(errors, MULTI, "Affected systems");
            assertThat(errors.get(0).message()).contains(FAX_DELETED).contains("deleted");
        }

        @Test
        void repeatedOption_isRejected() {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(MULTI, "[\"" + VPN + "\", \"" + VPN + "\"]")),
                    MULTI, "Affected systems");
        }

        @Test
        void plainString_isRejected() {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(MULTI, "\"" + VPN + "\"")), MULTI,
                    "Affected systems");
        }

        @Test
        void emptyArray_isRejected_whenRequired_andAccepted_whenOptional() {
            Instance required = instance(new CustomField(MULTI, "Systems", CustomFieldType.multipleItemsPicker, true,
                    null, List.of(new CustomFieldOption(VPN, "VPN", false)), false));

            assertThat(accepted(INSTANCE, one(MULTI, "[]")).get(MULTI)).isEmpty();
            assertOneErrorNaming(rejectedOnCreate(required, one(MULTI, "[]")), MULTI, "Systems");
        }
    }

    @Nested
    class NumberField {

        @ParameterizedTest
        @ValueSource(strings = {"0", "-3", "12.5", "1e3"})
        void numbers_areAccepted(String value) {
            assertThat(accepted(INSTANCE, one(NUMBER, value)).get(NUMBER).isNumber()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"12\"", "true", "[1]"})
        void nonNumbers_areRejected(String value) {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(NUMBER, value)), NUMBER, "Cost");
        }

        /** DynamoDB's number type: 38 significant digits, magnitude 1E-130 to below 1E+126. */
        @ParameterizedTest
        @ValueSource(strings = {"12345678901234567890123456789012345678", "1.2345678901234567890123456789012345678",
                "1E-130", "-9.9999999999999999999999999999999999999E+125", "100000000000000000000000000000000000000000",
                "0.000"})
        void numbersDynamoDbStores_areAccepted(String value) {
            assertThat(accepted(INSTANCE, one(NUMBER, value)).get(NUMBER).isNumber()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e400", "-1e400", "1E+126", "1E-131", "123456789012345678901234567890123456789",
                "3.14159265358979323846264338327950288419"})
        void numbersDynamoDbRefuses_areRejectedNamingTheField(String value) {
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(NUMBER, value)), NUMBER, "Cost");
        }
    }

    /** Bounds that keep a ticket, and an update activity holding old and new values, well under 400 KB. */
    @Nested
    class SizeBounds {

        @Test
        void peoplePicker_takesAtMost50People() {
            String fifty = people(50);
            String fiftyOne = people(51);

            assertThat(accepted(INSTANCE, one(PEOPLE, fifty)).get(PEOPLE)).hasSize(50);
            assertOneErrorNaming(rejectedOnCreate(INSTANCE, one(PEOPLE, fiftyOne)), PEOPLE, "Impacted people");
        }

        @Test
        void textLimit_isCapped_whateverMaxLengthTheInstanceDefines() {
            Instance generous = instance(new CustomField(TEXT, "Notes", CustomFieldType.textArea, false, 1_000_000,
                    List.of(), false));

            assertThat(accepted(generous, one(TEXT, "\"" + "x".repeat(10_000) + "\"")).get(TEXT).asText())
                    .hasSize(10_000);
            assertOneErrorNaming(rejectedOnCreate(generous, one(TEXT, "\"" + "x".repeat(10_001) + "\"")), TEXT,
                    "Notes");
        }

        @Test
        void allValuesTogether_areCapped() {
            ObjectNode values = values("{\"" + AREA + "\": \"" + "x".repeat(4_000) + "\", \"" + PEOPLE + "\": "
                    + people(50) + "}");

            List<FieldError> errors = rejectedOnCreate(INSTANCE, values);

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(PATH);
                assertThat(error.message()).contains("at most 16000 characters");
            });
        }

        private static String people(int count) {
            return java.util.stream.IntStream.range(0, count).mapToObj(i -> "{\"id\": \"" + "u".repeat(200) + i
                    + "\", \"name\": \"" + "n".repeat(50) + "\", \"email\": \"p" + i + "@example.com\"}")
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
    }

    @Nested
    class RequiredAndDeletedFields {

        private final Instance instance = instance(
                field(REQUIRED, "Department", CustomFieldType.textField, true, null),
                new CustomField(DELETED, "Old code", CustomFieldType.textField, false, null, List.of(), true),
                new CustomField(DELETED_REQUIRED, "Old required", CustomFieldType.toggle, true, null, List.of(),
                        true));

        @Test
        void missingRequiredField_isRejectedOnCreate_namingIt() {
            assertOneErrorNaming(rejectedOnCreate(instance, values("{}")), REQUIRED, "Department");
        }

        @Test
        void missingRequiredField_isRejected_evenWithoutAnyCustomFields() {
            assertOneErrorNaming(rejectedOnCreate(instance, null), REQUIRED, "Department");
        }

        @Test
        void blankRequiredText_isRejected() {
            assertOneErrorNaming(rejectedOnCreate(instance, one(REQUIRED, "\"   \"")), REQUIRED, "Department");
        }

        @Test
        void nullRequiredValue_isRejectedOnCreate() {
            assertOneErrorNaming(rejectedOnCreate(instance, one(REQUIRED, "null")), REQUIRED, "Department");
        }

        @Test
        void requiredField_isSatisfied_byAValue() {
            assertThat(accepted(instance, one(REQUIRED, "\"Sales\"")).get(REQUIRED).asText()).isEqualTo("Sales");
        }

        @Test
        void deletedRequiredField_isNoLongerRequired() {
            accepted(instance, one(REQUIRED, "\"Sales\""));
        }

        @Test
        void valueForADeletedField_isRejected_namingIt() {
            List<FieldError> errors = rejectedOnCreate(instance,
                    values("{\"" + REQUIRED + "\": \"Sales\", \"" + DELETED + "\": \"X1\"}"));

            assertOneErrorNaming(errors, DELETED, "Old code");
            assertThat(errors.get(0).message()).contains("deleted");
        }

        @Test
        void update_withoutTheRequiredField_isAccepted_becauseItKeepsTheStoredValue() {
            assertThat(rejectedOnUpdate(instance, values("{}"))).isEmpty();
        }

        @Test
        void update_removingARequiredField_isRejected() {
            assertOneErrorNaming(rejectedOnUpdate(instance, one(REQUIRED, "null")), REQUIRED, "Department");
        }

        @Test
        void update_removingAnOptionalOrDeletedFieldsValue_isAccepted_andKeepsTheNull() {
            Errors errors = new Errors();
            ObjectNode cleaned = CustomFieldValidator.forUpdate(
                    values("{\"" + DELETED + "\": null, \"" + DELETED_REQUIRED + "\": null}"), instance, PATH, errors);

            assertThat(errors.isEmpty()).isTrue();
            assertThat(cleaned.get(DELETED).isNull()).isTrue();
            assertThat(cleaned.get(DELETED_REQUIRED).isNull()).isTrue();
        }

        @Test
        void update_settingADeletedField_isRejected() {
            assertOneErrorNaming(rejectedOnUpdate(instance, one(DELETED, "\"X2\"")), DELETED, "Old code");
        }
    }

    @Test
    void fieldsDefinedInLayoutLists_areValidatedToo() {
        Instance layoutOnly = new Instance("i-2", null, "Layout", true, null, null, null, null, null, List.of(),
                List.of(field(TEXT, "Left text", CustomFieldType.textField, false, 3)), null, null,
                List.of(field(TOGGLE, "Optional toggle", CustomFieldType.toggle, false, null)),
                null, null, null, null, null, null, null, null, null, null);

        accepted(layoutOnly, one(TOGGLE, "true"));
        assertOneErrorNaming(rejectedOnCreate(layoutOnly, one(TEXT, "\"abcd\"")), TEXT, "Left text");
    }
}
