package dev.swasd.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An object of a response shape, rendered field by field in the specification's names. */
public interface ApiObject {
    ObjectNode toJson();
}
