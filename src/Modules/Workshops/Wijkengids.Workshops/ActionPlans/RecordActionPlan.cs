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
    IReadOnlyList<string>? Lessons, long? ExpectedVersion, string? Reason) : ICommand<Unit>;

/// <summary>One action as the organiser writes it: what, who takes it up (organisation or role) and the due date.</summary>
public sealed record ActionInput(Guid? Id, string? Description, string? Owner, DateOnly? DueDate);

internal sealed class RecordActionPlanValidator : AbstractValidator<RecordActionPlan>
{
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
        RuleForEach(x => x.Lessons).Matches(GuideReferences.Pattern).WithMessage(GuideReferences.Hint).MaximumLength(120).WithMessage(GuideReferences.Hint);
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class RecordActionPlanHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, BookingSteps steps,
    GuideReferences guide) : IRequestHandler<RecordActionPlan, Unit>
{
    public async Task<Unit> Handle(RecordActionPlan request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.BookingId, null, cancellationToken);
        var booking = stream.Aggregate!;
        if (booking.Status != BookingStatus.Confirmed || booking.SessionId is not { } sessionId)
        {
            throw new RuleViolationException("Een plan van aanpak hoort bij een bevestigde boeking van een sessie.");
        }
        var workshop = await session.LoadAsync<WorkshopSession>(sessionId, cancellationToken) ?? throw new NotFoundException(SessionRules.NotFound);
        var actions = request.Actions!.Select(a => new PlanInput(a.Id, a.Description!, a.Owner!, a.DueDate!.Value)).ToList();
        var change = booking.RecordPlan(workshop, request.Goals!, actions, request.Lessons ?? [], request.ExpectedVersion, steps.Now);
        await guide.EnsurePublishedAsync(change is ActionPlanRecorded r ? r.Lessons : ((ActionPlanRevised)change).Lessons, cancellationToken);

        session.Stamp(context, request.Reason);
        stream.AppendOne(change);
        if (change is ActionPlanRecorded)
        {
            // The contact gets the private link to the plan once: not again for a revision.
            var view = await steps.ViewAsync(booking.Id, cancellationToken);
            await outbox.PublishAsync(new Contract.ActionPlanRecorded(booking.Id, workshop.FormatTitle, booking.AreaName, view.ContactName,
                view.ContactEmail, view.StatusUrl + "/plan", steps.Now));
        }
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapPut("/bookings/{id:guid}/plan", async (Guid id, PlanBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RecordActionPlan(id, body.Goals, body.Actions, body.Lessons, body.ExpectedVersion, body.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetActionPlan(id), ct));
            })
            .WithName("RecordActionPlan")
            .WithSummary("Plan van aanpak vastleggen of bijwerken na de sessie: doelen, acties met eigenaar en streefdatum, gebruikte lessen (organisator)");

    internal sealed record PlanBody(IReadOnlyList<string>? Goals, IReadOnlyList<ActionInput>? Actions, IReadOnlyList<string>? Lessons,
        long? ExpectedVersion, string? Reason);
}
