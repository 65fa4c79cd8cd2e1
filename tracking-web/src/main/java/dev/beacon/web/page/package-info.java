/**
 * The shopper's branded tracking page under {@code /t/{storeSlug}}: order lookup with
 * proof of ownership ({@code LookupController}, {@code OrderProof}, {@code ProofLimits}),
 * signed links and the order with its shipments ({@code OrderPageController}), the help
 * form ({@code HelpController}) and a tracking number alone ({@code TrackController}).
 * Every controller receives a {@code ShopperContext} (store, language, client, grant);
 * {@code PageErrors} renders their error pages. {@code OrderPresenter} assembles the read
 * models from {@code ShopperStatus} (wording), {@code Timeline}, {@code PageDates} and
 * {@code PersonalData} (masking).
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.web.page;
