/** Fixtures shared by the MLS protocol tests. */
package dev.sealmeet.mls.testing;
