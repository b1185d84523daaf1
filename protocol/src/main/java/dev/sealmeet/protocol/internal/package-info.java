/**
 * Helpers shared by the packages of the protocol module and by no one else: left out of the API,
 * not exported by the module. Nothing here is MLS- or SFrame-specific.
 */
package dev.sealmeet.protocol.internal;
