using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Wijkengids.SharedKernel;

namespace Wijkengids.Host.Infrastructure;

/// <summary>What every module stands on in the web: auth, problem details, pages, OpenAPI, health, telemetry.</summary>
internal static class WebPlatform
{
    public static IServiceCollection AddWebPlatform(this IServiceCollection services, IConfiguration configuration,
        IWebHostEnvironment environment)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= http.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = http.TraceIdentifier;
            context.ProblemDetails.Extensions["correlationId"] = CorrelationMiddleware.CorrelationOf(http);
            context.ProblemDetails.Title ??= DutchTitle(context.ProblemDetails.Status);
            if (context.ProblemDetails.Title is { } t && (t.StartsWith("An error", StringComparison.Ordinal) ||
                                                          t == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(context.ProblemDetails.Status ?? 0)))
            {
                // ASP.NET Core's English default titles ("Forbidden") become Dutch.
                context.ProblemDetails.Title = DutchTitle(context.ProblemDetails.Status);
            }
            context.ProblemDetails.Detail ??= DutchDetail(context.ProblemDetails.Status);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddProxyAndHttps(configuration);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Enums in the API are their stable strings only: a number is refused, not read as whichever member has it (docs/adr/0096).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false)));
        services.Configure<ApiBehaviorOptions>(o => o.SuppressMapClientErrors = false);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "wijkengids.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = Https.CookiePolicy(configuration, environment);
                options.LoginPath = "/inloggen";
                options.LogoutPath = "/uitloggen";
                options.AccessDeniedPath = "/geen-toegang";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            // Separation of duties: an admin manages accounts and roles; every other power needs its own role, also for an admin.
            .AddPolicy(Policies.Editors, p => p.RequireRole(Roles.Editor))
            .AddPolicy(Policies.Contributors, p => p.RequireRole(Roles.Contributor, Roles.Editor))
            .AddPolicy(Policies.Organisers, p => p.RequireRole(Roles.Organiser))
            .AddPolicy(Policies.Funders, p => p.RequireRole(Roles.Funder))
            .AddPolicy(Policies.Auditors, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Policies.Admins, p => p.RequireRole(Roles.Admin));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "wijkengids.af";
            options.Cookie.SecurePolicy = Https.CookiePolicy(configuration, environment);
            options.FormFieldName = "__RequestVerificationToken";
            options.HeaderName = RequestIntentMiddleware.TokenHeader;
        });

        services.AddDataProtection().SetApplicationName("Wijkengids");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o =>
            {
                o.XmlRepository = new MartenXmlRepository(provider.GetRequiredService<IDocumentStore>());
                // Never in plain in the database or its backups: encrypted with the master key (docs/adr/0073).
                o.XmlEncryptor = new MasterKeyXmlEncryptor(provider.GetRequiredService<Platform.MasterKey>());
            }));

        var loginPerMinute = configuration.GetValue("RateLimits:LoginPerMinute", 10);
        var formsPerMinute = configuration.GetValue("RateLimits:FormsPerMinute", 20);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicies.Login, http => PostsPerClientPerMinute(http, loginPerMinute));
            options.AddPolicy(RateLimitPolicies.Forms, http => PostsPerClientPerMinute(http, formsPerMinute));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
                }
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                if (IsApi(http))
                {
                    await problems.WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = { Status = 429, Title = "Te veel verzoeken", Detail = DutchDetail(429) },
                    });
                }
                else
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(ErrorPageHtml.Render(429), cancellationToken);
                }
            };
        });

        // Dutch text (é, ë, ’) is written as is, not as character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Each module declares who may open its pages (IModule.AuthorizePages); the host adds nothing of its own.
        services.AddRazorPages(options =>
            {
                foreach (var module in Wijkengids.Host.Modules.All) module.AuthorizePages(options.Conventions);
            })
            .AddMvcOptions(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.Configure<FormOptions>(o => o.ValueLengthLimit = 256 * 1024);
        // Modules add their own policies (e.g. Content's "guide" policy for public pages).
        services.AddOutputCache();

        services.AddOpenApi("v1", options => options.AddDocumentTransformer<OpenApiDocumentDescription>()
            .AddOperationTransformer<ProblemResponsesTransformer>()
            .AddOperationTransformer<StatusQueryTransformer>());

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("postgresql", tags: ["ready"])
            .AddCheck<ProjectionDaemonHealthCheck>("projection-daemon", tags: ["ready"]);

        AddTelemetry(services, configuration, environment);
        return services;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        // The real client address (for rate limits and logs) and scheme first; then HSTS and the redirect to HTTPS.
        app.UseProxyAndHttps();
        // The API answers with problem details; pages re-execute at /fout with the status of the failure.
        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        app.UseWhen(http => !IsApi(http), site => site.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/fout",
            StatusCodeSelector = ProblemExceptionHandler.StatusOf,
        }));
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), site => site.UseStatusCodePagesWithReExecute("/fout/{0}"));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Before routing and authentication, so cached public pages are served cheaply (modules' base policies decide).
        app.UseOutputCache();
        app.UseStaticFiles();
        app.UseRouting();
        // Marten refuses the empty GUID as a stream id, so no item has it: an address naming it names nothing (404),
        // instead of every handler having to guard against Marten's argument exception.
        app.Use((http, next) =>
        {
            if (!http.Request.RouteValues.Values.Any(v => v is string s && Guid.TryParse(s, out var id) && id == Guid.Empty)) return next(http);
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.UseRateLimiter();
        // Before anything reads or writes: text no field may hold is refused with a Dutch 400 (docs/adr/0086).
        app.UseMiddleware<InputTextGuard>();
        app.UseMiddleware<LineEndings>();
        app.UseAuthentication();
        app.UseMiddleware<RequestIntentMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).ExcludeFromDescription();
        // Anything under /api that no module answers is a 404 problem, whatever the method.
        app.Map("/api/{**path}", (HttpContext http) => Results.Problem(statusCode: 404, title: "Niet gevonden",
                detail: $"Er is geen API-adres {http.Request.Path}."))
            .ExcludeFromDescription();
        return app;
    }

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Reading is never limited; posts are, per client address, in a fixed one-minute window. Behind a configured proxy
    /// the address is the forwarded client's (see <see cref="Https.ConfigureForwardedHeaders"/>), not the proxy's.
    /// </summary>
    private static RateLimitPartition<string> PostsPerClientPerMinute(HttpContext http, int limit) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "onbekend";

    internal static string DutchTitle(int? status) => status switch
    {
        400 => "Ongeldig verzoek",
        401 => "Niet ingelogd",
        403 => "Geen toegang",
        404 => "Niet gevonden",
        405 => "Methode niet toegestaan",
        409 => "Conflict",
        413 => "Verzoek te groot",
        415 => "Niet-ondersteund formaat",
        422 => "Niet toegestaan",
        429 => "Te veel verzoeken",
        503 => "De database is tijdelijk niet bereikbaar",
        _ => "Er ging iets mis",
    };

    internal static string DutchDetail(int? status) => status switch
    {
        400 => "Het verzoek kon niet worden verwerkt.",
        401 => "Log in om dit te doen.",
        403 => "U hebt geen rechten om dit te doen.",
        404 => "Wat u zoekt bestaat niet (meer).",
        405 => "Dit adres ondersteunt deze methode niet.",
        409 => "Dit botst met de huidige stand van zaken.",
        415 => "Stuur de gegevens als JSON (Content-Type: application/json).",
        429 => "U hebt het te vaak geprobeerd. Wacht een minuut en probeer het opnieuw.",
        503 => "De website kan de database even niet bereiken. Probeer het over een paar seconden opnieuw.",
        _ => "Er ging aan onze kant iets mis. Probeer het later opnieuw.",
    };

    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("wijkengids", serviceVersion: typeof(WebPlatform).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddNpgsql()
                    .AddSource("Wolverine", "Marten");
                if (!string.IsNullOrWhiteSpace(otlp)) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter("Wolverine", "Marten");
                if (!string.IsNullOrWhiteSpace(otlp)) metrics.AddOtlpExporter();
            });
        _ = telemetry;
        _ = environment;
    }
}

/// <summary>
/// Data-protection keys in PostgreSQL, so cookies and signed links survive restarts and work on every host. Their
/// secrets are encrypted with the master key before they get here (<see cref="MasterKeyXmlEncryptor"/>).
/// </summary>
internal sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult()
            .Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>Conservative security headers on every response.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        if (!context.Request.Path.StartsWithSegments("/scalar"))
        {
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
                                            "form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
        }
        return next(context);
    }
}
