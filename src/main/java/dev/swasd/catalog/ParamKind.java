package dev.swasd.catalog;

/** How a parameter travels on the wire and what type it decodes to. */
public enum ParamKind {
    /** plain text */
    STRING,
    /** decimal integer text */
    INTEGER,
    /** {@code true}/{@code false}, any case */
    BOOLEAN,
    /** one parameter holding JSON array text ({@code ["m-a","m-b"]}); a bare comma list is accepted too */
    JSON_ARRAY,
    /** SDK-side JSON: one parameter holding JSON text the SDK built from a structured value */
    JSON_VALUE,
    /** SDK-side comma join: {@code a,b,c} */
    COMMA_LIST,
    /** {@code Name.1}, {@code Name.2}, ... of scalars */
    REPEAT_LIST,
    /** {@code Name.1.Field}, ... of objects */
    REPEAT_OBJECT_LIST,
    /** {@code Name.Field} */
    FLATTENED_OBJECT
}
