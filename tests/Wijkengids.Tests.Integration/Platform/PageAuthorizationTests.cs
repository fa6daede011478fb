using Alba;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.SharedKernel;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// Every protected page, as each module declares it in IModule.AuthorizePages: an anonymous visitor is sent to sign in,
/// a signed-in account without the role to the no-access page (403), and the roles of the policy get in.
/// </summary>
[Collection(SharedHosts.Platform)]
public sealed class PageAuthorizationTests(PlatformHost fixture)
{
    private IAlbaHost Host => fixture.Host;
    private const string SignedIn = "(ingelogd)";
    private const string AnyId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    /// <summary>Page route → policy (<see cref="SignedIn"/>: any signed-in account).</summary>
    private static readonly IReadOnlyDictionary<string, string> ProtectedPages = new Dictionary<string, string>
    {
        // Content
        ["redactie"] = Policies.Editors,
        ["redactie/nieuw"] = Policies.Editors,
        ["redactie/updates"] = Policies.Editors,
        ["redactie/themas"] = Policies.Editors,
        ["redactie/items/{id:guid}"] = Policies.Editors,
        ["redactie/items/{id:guid}/geschiedenis"] = Policies.Editors,
        // Contributions
        ["voorstel-doen"] = Policies.Contributors,
        ["mijn-bijdragen"] = SignedIn,
        ["mijn-bijdragen/voorstellen/{id:guid}"] = SignedIn,
        ["mijn-bijdragen/reacties/{id:guid}"] = SignedIn,
        ["redactie/bijdragen"] = Policies.Editors,
        ["redactie/bijdragen/voorstellen/{id:guid}"] = Policies.Editors,
        // Community
        ["profiel"] = SignedIn,
        ["mijn-gegevens"] = SignedIn,
        ["beheer/accounts"] = Policies.Admins,
        ["beheer/gebieden"] = Policies.Admins,
        ["beheer/verzending"] = Policies.Admins,
        ["beheer/wissen"] = Policies.Admins,
        ["redactie/mensen"] = Policies.Editors,
        ["redactie/mensen/{id:guid}"] = Policies.Editors,
        ["redactie/organisaties"] = Policies.Editors,
        // Workshops
        ["werkateliers/mijn-aanvragen"] = SignedIn,
        ["werkateliers/financiering"] = Policies.Funders,
        ["werkateliers/beheer"] = Policies.Organisers,
        ["werkateliers/beheer/formats"] = Policies.Organisers,
        ["werkateliers/beheer/format/{slug?}"] = Policies.Organisers,
        ["werkateliers/beheer/plan/{id:guid}"] = Policies.Organisers,
        ["werkateliers/beheer/sessie/{id:guid}"] = Policies.Organisers,
        // Audit
        ["audit"] = Policies.Auditors,
        ["audit/herkomst"] = Policies.Auditors,
        ["audit/verificatie"] = Policies.Auditors,
    };

    private static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        // Separation of duties: an admin holds no other power unless given its role.
        [Policies.Editors] = [Roles.Editor],
        [Policies.Contributors] = [Roles.Contributor, Roles.Editor],
        [Policies.Organisers] = [Roles.Organiser],
        [Policies.Funders] = [Roles.Funder],
        [Policies.Auditors] = [Roles.Auditor],
        [Policies.Admins] = [Roles.Admin],
        [SignedIn] = [.. Roles.All],
    };

    private static string UrlOf(string route) =>
        "/" + route.Replace("{id:guid}", AnyId, StringComparison.Ordinal).Replace("{slug?}", "", StringComparison.Ordinal).TrimEnd('/');

    [Fact]
    public void The_table_names_exactly_the_pages_that_require_authorization_and_their_policies()
    {
        var pages = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => (Route: e.RoutePattern.RawText!.TrimStart('/'), Authorize: e.Metadata.GetOrderedMetadata<IAuthorizeData>()))
            .Where(p => p.Authorize.Count > 0)
            .ToDictionary(p => p.Route, p => p.Authorize.Select(a => string.IsNullOrEmpty(a.Policy) ? SignedIn : a.Policy).Distinct().Single());
        Assert.Equal(ProtectedPages.OrderBy(p => p.Key), pages.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_on_every_protected_page()
    {
        foreach (var url in ProtectedPages.Keys.Select(UrlOf))
        {
            var result = await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(302); });
            var location = new Uri(new Uri("http://localhost"), result.Context.Response.Headers.Location.ToString());
            Assert.True(location.AbsolutePath == "/inloggen", $"{url} stuurt naar {location}");
        }
    }

    [Fact]
    public async Task Signed_in_accounts_without_the_role_get_403_and_those_with_it_get_in()
    {
        var cookies = new Dictionary<string, string>();
        foreach (var role in Roles.All) cookies[role] = await Host.LoginAsRoleAsync(role);

        foreach (var (route, policy) in ProtectedPages)
        {
            var url = UrlOf(route);
            foreach (var role in Roles.All)
            {
                var result = await Host.Scenario(s => { s.Get.Url(url); s.As(cookies[role]); s.IgnoreStatusCode(); });
                var status = result.Context.Response.StatusCode;
                if (RolesOf[policy].Contains(role))
                {
                    // In: the page itself answers (a made-up id may be 404), never the sign-in or no-access page.
                    Assert.True(status is 200 or 404, $"{url} als {role}: {status}");
                    continue;
                }
                Assert.True(status == 302, $"{url} als {role}: {status}");
                var location = new Uri(new Uri("http://localhost"), result.Context.Response.Headers.Location.ToString());
                Assert.Equal("/geen-toegang", location.AbsolutePath);
                await Host.Scenario(s => { s.Get.Url(location.PathAndQuery); s.As(cookies[role]); s.StatusCodeShouldBe(403); });
            }
        }
    }
}
