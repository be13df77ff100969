/**
 * {@link org.castkeeper.errors.Refusal}: the one error convention. Every expected "no" is a Refusal with a kind (its
 * HTTP status) and a message for the host; anything else is a fault.
 */
package org.castkeeper.errors;
