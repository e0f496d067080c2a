package dev.swasd.catalog;

import java.util.List;

/**
 * One request parameter of an operation with every limit the catalog knows.
 *
 * @param itemType for lists: the scalar type of each item ({@link ParamKind#STRING} or {@link ParamKind#INTEGER})
 * @param fields   for object lists and flattened objects: the item's fields
 */
public record ParamDef(
        String name,
        ParamKind kind,
        ParamKind itemType,
        boolean required,
        Integer minLength,
        Integer maxLength,
        Integer maxItems,
        Long max,
        List<String> enumValues,
        String defaultValue,
        List<FieldDef> fields) {

    public ParamDef {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A field of an object item, e.g. {@code Key} of {@code Tag.N.Key}. */
    public record FieldDef(String name, ParamKind kind, Integer maxLength, List<String> enumValues) {
        public FieldDef {
            enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        }
    }
}
