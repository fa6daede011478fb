using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Bookings;
using Wijkengids.Workshops.Sessions;
using Wolverine.Marten;
using Contract = Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops.ActionPlans;

/// <summary>
/// After the session, an organiser records the plan van aanpak of a confirmed booking, or revises it
/// (<see cref="ExpectedVersion"/>: the plan's version the organiser saw). Actions without an id are new.
/// </summary>
public sealed record RecordActionPlan(Guid BookingId, IReadOnlyList<string>? Goals, IReadOnlyList<ActionInput>? Actions,
    IReadOnlyList<string>? Lessons, long? ExpectedVersion, string? Reason) : IRequest<ActionPlan>;

/// <summary>One action as the organiser writes it: what, who takes it up (organisation or role) and the due date.</summary>
public sealed record ActionInput(Guid? Id, string? Description, string? Owner, DateOnly? DueDate);

/// <summary>The plan of a booking, for organisers; null while none is recorded.</summary>
public sealed record GetActionPlan(Guid BookingId) : IRequest<ActionPlan?>;

internal sealed class RecordActionPlanValidator : AbstractValidator<RecordActionPlan>
{
    private const string LessonSlug = "Een les wordt aangeduid met haar korte naam (bijvoorbeeld doel-en-samenstelling).";

    public RecordActionPlanValidator()
    {
        RuleFor(x => x.Goals).NotEmpty().WithMessage("Schrijf ten minste één doel op.")
            .Must(g => g is null || g.Count <= 20).WithMessage("Een plan van aanpak heeft hoogstens 20 doelen.");
        RuleForEach(x => x.Goals).NotEmpty().WithMessage("Een doel mag niet leeg zijn.").MaximumLength(500).WithMessage("Een doel heeft hoogstens 500 tekens.");
        RuleFor(x => x.Actions).NotEmpty().WithMessage("Schrijf ten minste één actie op.")
            .Must(a => a is null || a.Count <= 50).WithMessage("Een plan van aanpak heeft hoogstens 50 acties.");
        RuleForEach(x => x.Actions).ChildRules(action =>
        {
            action.RuleFor(a => a.Description).NotEmpty().WithMessage("Beschrijf elke actie.").MaximumLength(500).WithMessage("Een actie heeft hoogstens 500 tekens.");
            action.RuleFor(a => a.Owner).NotEmpty().WithMessage("Geef bij elke actie aan wie haar oppakt.")
                .MaximumLength(150).WithMessage("De eigenaar van een actie heeft hoogstens 150 tekens.");
            action.RuleFor(a => a.DueDate).NotNull().WithMessage("Geef elke actie een geldige streefdatum.");
        });
        RuleFor(x => x.Lessons).Must(l => l is null || l.Count <= 30).WithMessage("Noem hoogstens 30 lessen.");
        RuleForEach(x => x.Lessons).Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage(LessonSlug).MaximumLength(120).WithMessage(LessonSlug);
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class RecordActionPlanHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, SeatPlanner planner, TimeProvider clock)
    : IRequestHandler<RecordActionPlan, ActionPlan>, IRequestHandler<GetActionPlan, ActionPlan?>
{
    /// <summary>Due dates lie between the session's day and five years after it.</summary>
    internal const int HorizonYears = 5;

    public async Task<ActionPlan> Handle(RecordActionPlan request, CancellationToken cancellationToken)
    {
        var booking = await planner.LoadForChangeAsync(request.BookingId, null, cancellationToken);
        if (booking.Status != BookingStatus.Confirmed || booking.SessionId is not { } sessionId)
        {
            throw new RuleViolationException("Een plan van aanpak hoort bij een bevestigde boeking van een sessie.");
        }
        var workshop = await session.LoadAsync<WorkshopSession>(sessionId, cancellationToken) ?? throw new NotFoundException("Deze sessie bestaat niet.");
        if (workshop.Cancelled) throw new RuleViolationException("Deze sessie is geannuleerd; er is geen plan van aanpak vast te leggen.");
        var now = clock.GetUtcNow();
        if (workshop.EndsAt > now)
        {
            throw new RuleViolationException($"Het plan van aanpak legt u vast na de sessie (die eindigt op {DutchTime.Format(workshop.EndsAt)}).");
        }

        var plan = await session.LoadAsync<ActionPlan>(booking.Id, cancellationToken);
        if (request.ExpectedVersion is { } expected && expected != (plan?.Version ?? 0))
        {
            throw new ConflictException("Het plan van aanpak is intussen gewijzigd. Bekijk de huidige stand en probeer het opnieuw.");
        }
        var sessionDay = DateOnly.FromDateTime(DutchTime.ToLocal(workshop.StartsAt).Date);
        var actions = request.Actions!.Select(a => new PlannedAction(a.Id ?? Guid.NewGuid(), a.Description!.Trim(), a.Owner!.Trim(), a.DueDate!.Value)).ToArray();
        var late = actions.FirstOrDefault(a => a.DueDate < sessionDay || a.DueDate > sessionDay.AddYears(HorizonYears));
        if (late is not null)
        {
            throw new RuleViolationException(
                $"De streefdatum van ‘{late.Description}’ ligt niet tussen de sessie ({sessionDay.ToString("d MMMM yyyy", DutchTime.Culture)}) en {HorizonYears} jaar daarna.");
        }
        var known = plan?.Actions.Select(a => a.Id).ToHashSet() ?? [];
        var given = request.Actions!.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToList();
        if (given.Any(id => !known.Contains(id)) || given.Distinct().Count() != given.Count)
        {
            throw new RuleViolationException("Een van de acties hoort niet bij dit plan van aanpak. Laad het plan opnieuw.");
        }
        var goals = request.Goals!.Select(g => g.Trim()).ToArray();
        var lessons = (request.Lessons ?? []).Select(l => l.Trim()).Distinct().ToArray();

        session.Stamp(context, request.Reason);
        if (plan is null)
        {
            plan = new ActionPlan
            {
                Id = booking.Id, SessionId = workshop.Id, FormatTitle = workshop.FormatTitle, SessionStartsAt = workshop.StartsAt,
                AreaId = booking.AreaId, AreaName = booking.AreaName, RecordedAt = now,
            };
            planner.Append(booking, new ActionPlanRecorded(booking.Id, workshop.Id, booking.AreaId, booking.AreaName, goals, actions, lessons));
            outbox.EnrollWith(session, context);
            await outbox.PublishAsync(new Contract.ActionPlanRecorded(booking.Id, workshop.FormatTitle, booking.AreaName, booking.ContactName,
                booking.ContactEmail, booking.StatusUrl + "/plan", now));
        }
        else
        {
            planner.Append(booking, new ActionPlanRevised(booking.Id, goals, actions, lessons));
        }
        plan.Take(goals, actions, lessons);
        plan.UpdatedAt = now;
        plan.Version++;
        session.Store(booking);
        session.Store(plan);
        await session.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public Task<ActionPlan?> Handle(GetActionPlan request, CancellationToken cancellationToken) =>
        session.LoadAsync<ActionPlan>(request.BookingId, cancellationToken);

    internal static void MapEndpoints(RouteGroupBuilder organisers)
    {
        organisers.MapGet("/bookings/{id:guid}/plan", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetActionPlan(id), ct)
                                ?? throw new NotFoundException("Voor deze boeking is nog geen plan van aanpak vastgelegd.")))
            .WithName("GetActionPlan").WithSummary("Het plan van aanpak van een boeking (organisator)");
        organisers.MapPut("/bookings/{id:guid}/plan", async (Guid id, PlanBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordActionPlan(id, body.Goals, body.Actions, body.Lessons, body.ExpectedVersion, body.Reason), ct)))
            .WithName("RecordActionPlan")
            .WithSummary("Plan van aanpak vastleggen of bijwerken na de sessie: doelen, acties met eigenaar en streefdatum, gebruikte lessen (organisator)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    internal sealed record PlanBody(IReadOnlyList<string>? Goals, IReadOnlyList<ActionInput>? Actions, IReadOnlyList<string>? Lessons,
        long? ExpectedVersion, string? Reason);
}
