using System.Security.Claims;

namespace Wijkengids.Community.Privacy;

internal static class SignedInAccount
{
    /// <summary>The account of the signed-in person; a 403 when nobody is signed in.</summary>
    public static Guid IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : throw new ForbiddenException("Log in om uw gegevens te zien.");
}
