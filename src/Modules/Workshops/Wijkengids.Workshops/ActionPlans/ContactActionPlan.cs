using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Bookings;

namespace Wijkengids.Workshops.ActionPlans;

/// <summary>
/// How the area's contact reaches their plan: with the private link of the booking (<see cref="Token"/>), or signed in as
/// the account that made the request (<see cref="BookingId"/>).
/// </summary>
public sealed record ContactKey(string? Token, Guid? BookingId);

/// <summary>The contact reads their plan van aanpak.</summary>
public sealed record GetContactActionPlan(ContactKey Key) : IRequest<ActionPlan>;

/// <summary>The contact keeps an action's status up to date ("open", "bezig", "gereed").</summary>
public sealed record ChangeActionStatus(ContactKey Key, Guid ActionId, string Status, long? ExpectedVersion) : IRequest<ActionPlan>;

/// <summary>The contact agrees (or no longer agrees) that the plan is shown on the area's public page.</summary>
public sealed record ConsentToPublication(ContactKey Key, bool Consent, long? ExpectedVersion, string? Reason) : IRequest<ActionPlan>;

internal sealed class ChangeActionStatusValidator : AbstractValidator<ChangeActionStatus>
{
    public ChangeActionStatusValidator() =>
        RuleFor(x => x.Status).Must(s => ActionStatus.All.Contains(s)).WithMessage("Kies als status open, bezig of gereed.");
}

internal sealed class ConsentToPublicationValidator : AbstractValidator<ConsentToPublication>
{
    public ConsentToPublicationValidator() =>
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De toelichting mag hoogstens 500 tekens hebben.");
}

internal sealed class ContactActionPlanHandler(IDocumentSession session, IRequestContext context, SeatPlanner planner, TimeProvider clock)
    : IRequestHandler<GetContactActionPlan, ActionPlan>, IRequestHandler<ChangeActionStatus, ActionPlan>,
        IRequestHandler<ConsentToPublication, ActionPlan>
{
    public async Task<ActionPlan> Handle(GetContactActionPlan request, CancellationToken cancellationToken) =>
        (await ResolveAsync(request.Key, null, cancellationToken)).Plan;

    public async Task<ActionPlan> Handle(ChangeActionStatus request, CancellationToken cancellationToken)
    {
        var (booking, plan) = await ResolveAsync(request.Key, request.ExpectedVersion, cancellationToken);
        var action = plan.Actions.FirstOrDefault(a => a.Id == request.ActionId) ?? throw new NotFoundException("Deze actie staat niet in het plan van aanpak.");
        if (action.Status == request.Status) return plan;
        action.Status = request.Status;
        return await SaveAsync(booking, plan, request.Key, null, new ActionStatusChanged(booking.Id, action.Id, action.Description, action.Status), cancellationToken);
    }

    public async Task<ActionPlan> Handle(ConsentToPublication request, CancellationToken cancellationToken)
    {
        var (booking, plan) = await ResolveAsync(request.Key, request.ExpectedVersion, cancellationToken);
        if (plan.Published == request.Consent) return plan;
        plan.Published = request.Consent;
        object change = request.Consent
            ? new ActionPlanPublicationConsented(booking.Id, booking.AreaId)
            : new ActionPlanPublicationWithdrawn(booking.Id, booking.AreaId);
        return await SaveAsync(booking, plan, request.Key, request.Reason, change, cancellationToken);
    }

    private async Task<ActionPlan> SaveAsync(Booking booking, ActionPlan plan, ContactKey key, string? reason, object change, CancellationToken cancellationToken)
    {
        session.Stamp(ActorFor(key, booking), reason);
        planner.Append(booking, change);
        plan.Version++;
        plan.UpdatedAt = clock.GetUtcNow();
        session.Store(booking);
        session.Store(plan);
        await session.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>
    /// The booking and its plan, if the key opens them: a link that matches a booking, or the signed-in account that
    /// made the request. A wrong link is 404 (nothing to learn for guessers); another account is 403.
    /// </summary>
    private async Task<(Booking Booking, ActionPlan Plan)> ResolveAsync(ContactKey key, long? expectedVersion, CancellationToken cancellationToken)
    {
        Booking? booking = null;
        if (key.Token is { Length: > 0 and <= 64 } token)
        {
            booking = await session.Query<Booking>().FirstOrDefaultAsync(b => b.Token == token, cancellationToken);
        }
        else if (key.Token is null && key.BookingId is { } id)
        {
            booking = await session.LoadAsync<Booking>(id, cancellationToken);
            if (booking is not null && booking.AccountId?.ToString() != context.Actor)
            {
                throw new ForbiddenException("Alleen de contactpersoon die deze aanvraag deed, kan dit plan van aanpak inzien en bijwerken.");
            }
        }
        if (booking is null) throw new NotFoundException("Dit plan van aanpak bestaat niet. Controleer de link uit uw e-mail.");
        var plan = await session.LoadAsync<ActionPlan>(booking.Id, cancellationToken)
                   ?? throw new NotFoundException("Voor deze aanvraag is nog geen plan van aanpak vastgelegd.");
        if (expectedVersion is { } expected && expected != plan.Version)
        {
            throw new ConflictException("Het plan van aanpak is intussen gewijzigd. Bekijk de huidige stand en probeer het opnieuw.");
        }
        return (booking, plan);
    }

    /// <summary>Signed in: the account. Through the link without signing in: the booking's data subject (docs/adr/0042).</summary>
    private IRequestContext ActorFor(ContactKey key, Booking booking) =>
        context.Actor != IRequestContext.SystemActor || key.Token is null
            ? context
            : new FixedRequestContext(booking.Subject.ToString(), context.CorrelationId, context.CausationId);

    internal static void MapEndpoints(RouteGroupBuilder open)
    {
        Map(open.MapGroup("/plans/link/{key}"), key => new ContactKey(key, null), "ByLink", "via de persoonlijke link van de aanvraag");
        Map(open.MapGroup("/my/plans/{key:guid}").RequireAuthorization().ProducesProblem(StatusCodes.Status403Forbidden),
            key => new ContactKey(null, Guid.Parse(key)), "OfMine", "ingelogd als de aanvrager");
    }

    private static void Map(RouteGroupBuilder contact, Func<string, ContactKey> keyOf, string name, string how)
    {
        contact.ProducesProblem(StatusCodes.Status404NotFound);
        contact.MapGet("", async (string key, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetContactActionPlan(keyOf(key)), ct)))
            .WithName("GetActionPlan" + name).WithSummary($"Plan van aanpak lezen, {how}");
        contact.MapPost("/actions/{actionId:guid}/status", async (string key, Guid actionId, StatusBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeActionStatus(keyOf(key), actionId, body.Status ?? "", body.ExpectedVersion), ct)))
            .WithName("ChangeActionStatus" + name).WithSummary($"Status van een actie bijwerken, {how}")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        contact.MapPost("/publication", async (string key, PublicationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConsentToPublication(keyOf(key), body.Consent, body.ExpectedVersion, body.Reason), ct)))
            .WithName("ConsentToPublication" + name)
            .WithSummary($"Toestemming geven (of intrekken) om het plan op de pagina van het gebied te publiceren, {how}")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record StatusBody(string? Status, long? ExpectedVersion);

    internal sealed record PublicationBody(bool Consent, long? ExpectedVersion, string? Reason);
}
