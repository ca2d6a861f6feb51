// Starts Swagger UI on the contract DAAP serves. A file rather than an inline script, so that the page's
// Content-Security-Policy can forbid inline scripts. validatorUrl null: no badge fetched from elsewhere.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
  });
});
