package dev.swasd.api;

/** A whole success response of one action (RequestId is added by the renderer). */
public interface ApiResponse extends ApiObject {}
