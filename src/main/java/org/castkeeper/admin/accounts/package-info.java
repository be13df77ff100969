/**
 * Signing in and out, the first account's setup, and the account page (passwords, another host).
 */
package org.castkeeper.admin.accounts;
