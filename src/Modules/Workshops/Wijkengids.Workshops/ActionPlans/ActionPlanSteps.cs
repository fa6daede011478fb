using JasperFx.Events;
using Wijkengids.Workshops.Bookings;

namespace Wijkengids.Workshops.ActionPlans;

/// <summary>
/// How the area's contact reaches their plan: with the private link of the booking (<see cref="Token"/>), or signed in as
/// the account that made the request (<see cref="BookingId"/>).
/// </summary>
public sealed record ContactKey(string? Token, Guid? BookingId);

/// <summary>
/// What the contact's steps on a plan share: finding the booking the key opens (a wrong link is 404, another account 403),
/// loading its stream for a change, and stamping the step with the contact as actor.
/// </summary>
internal sealed class ActionPlanSteps(IDocumentSession session, IRequestContext context, TimeProvider clock)
{
    public const string NoPlan = "Voor deze aanvraag is nog geen plan van aanpak vastgelegd.";

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The booking's stream, if the key opens it, stamped with the contact as actor and <paramref name="reason"/>.</summary>
    public async Task<IEventStream<BookingState>> FetchAsync(ContactKey key, string? reason, CancellationToken cancellationToken)
    {
        var booking = await ResolveAsync(session, context, key, cancellationToken);
        session.Stamp(ActorFor(key, booking), reason);
        return await session.FetchForChangeAsync<BookingState>(booking.Id, null, BookingSteps.NotFound,
            "Het plan van aanpak is intussen gewijzigd. Bekijk de huidige stand en probeer het opnieuw.", cancellationToken);
    }

    /// <summary>
    /// The booking the key opens: a link that matches a booking, or the signed-in account that made the request. A wrong
    /// link is 404 (nothing to learn for guessers); another account is 403.
    /// </summary>
    public static async Task<Booking> ResolveAsync(IQuerySession session, IRequestContext context, ContactKey key, CancellationToken cancellationToken)
    {
        Booking? booking = null;
        if (key.Token is not null)
        {
            booking = await GetBookingByTokenHandler.ByTokenAsync(session, key.Token, cancellationToken);
        }
        else if (key.BookingId is { } id)
        {
            booking = await session.LoadAsync<Booking>(id, cancellationToken);
            if (booking is not null && booking.AccountId?.ToString() != context.Actor)
            {
                throw new ForbiddenException("Alleen de contactpersoon die deze aanvraag deed, kan dit plan van aanpak inzien en bijwerken.");
            }
        }
        return booking ?? throw new NotFoundException("Dit plan van aanpak bestaat niet. Controleer de link uit uw e-mail.");
    }

    /// <summary>Signed in: the account. Through the link without signing in: the booking's data subject (docs/adr/0042).</summary>
    private IRequestContext ActorFor(ContactKey key, Booking booking) =>
        context.Actor != IRequestContext.SystemActor || key.Token is null
            ? context
            : new FixedRequestContext(booking.Subject.ToString(), context.CorrelationId, context.CausationId);

    /// <summary>The endpoints of the contact's steps, once for the link and once for the signed-in account.</summary>
    internal static void MapEndpoints(RouteGroupBuilder open)
    {
        Map(open.MapGroup("/plans/link/{key}"), key => new ContactKey(key, null), "ByLink", "via de persoonlijke link van de aanvraag");
        Map(open.MapGroup("/my/plans/{key:guid}").RequireAuthorization(),
            key => new ContactKey(null, Guid.Parse(key)), "OfMine", "ingelogd als de aanvrager");
    }

    private static void Map(RouteGroupBuilder contact, Func<string, ContactKey> keyOf, string name, string how)
    {
        GetContactActionPlanHandler.MapEndpoint(contact, keyOf, name, how);
        ChangeActionStatusHandler.MapEndpoint(contact, keyOf, name, how);
        ConsentToPublicationHandler.MapEndpoint(contact, keyOf, name, how);
    }
}
