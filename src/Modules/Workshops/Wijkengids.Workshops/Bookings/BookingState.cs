using Wijkengids.Workshops.ActionPlans;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// A booking's write model, rebuilt from its stream: the request, its place on a session, the funder's decision, and the
/// plan van aanpak that is its outcome (same stream, docs/adr/0042). Each decision checks the rules and answers with the
/// event to append, or nothing when the step changes nothing. It holds no personal data: that stays sealed in
/// <see cref="BookingRequested"/>. Where a seat is decided the session's ledger decides (<see cref="WorkshopSession.PlaceBooking"/>)
/// and the booking records the outcome (docs/adr/0091).
/// </summary>
public sealed class BookingState
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid FormatId { get; set; }
    public Guid AreaId { get; set; }
    public string AreaName { get; set; } = "";
    public Guid Subject { get; set; }
    public Guid? AccountId { get; set; }
    public int Participants { get; set; }
    public Guid? SessionId { get; set; }
    public BookingStatus Status { get; set; } = BookingStatus.Received;
    public decimal? CoFinancingRequested { get; set; }
    public CoFinancingStatus? CoFinancingDecision { get; set; }
    public bool Erased { get; set; }
    /// <summary>The contact was erased while the booking was confirmed: the organiser frees the places or keeps them.</summary>
    public bool AwaitsDecision { get; set; }
    public PlanState? Plan { get; set; }

    /// <summary>The reason recorded on what an erasure resolves.</summary>
    public const string RequesterErased = "aanvrager gewist";

    public static BookingState Create(BookingRequested e) => new()
    {
        Id = e.BookingId, FormatId = e.FormatId, AreaId = e.AreaId, AreaName = e.AreaName, Subject = e.Subject, AccountId = e.AccountId,
        Participants = e.Participants, CoFinancingRequested = e.CoFinancingRequested,
    };

    public void Apply(BookingConfirmed e) => (Status, SessionId) = (BookingStatus.Confirmed, e.SessionId);
    public void Apply(BookingWaitlisted e) => (Status, SessionId) = (BookingStatus.Waitlisted, e.SessionId);
    public void Apply(BookingPromoted e) => (Status, SessionId) = (BookingStatus.Confirmed, e.SessionId);
    public void Apply(BookingCancelled _) => (Status, AwaitsDecision) = (BookingStatus.Cancelled, false);
    public void Apply(BookingAwaitsOrganiserDecision _) => AwaitsDecision = true;
    public void Apply(BookingKeptForOrganisation _) => AwaitsDecision = false;
    public void Apply(CoFinancingClosed _) => CoFinancingDecision = CoFinancingStatus.Closed;
    public void Apply(CoFinancingGranted _) => CoFinancingDecision = CoFinancingStatus.Granted;
    public void Apply(CoFinancingRefused _) => CoFinancingDecision = CoFinancingStatus.Refused;
    public void Apply(BookingDetailsRecorded _) { }
    public void Apply(BookingErased _) => Erased = true;

    public void Apply(ActionPlanRecorded e)
    {
        Plan = new PlanState();
        Plan.Take(e.Actions);
    }

    public void Apply(ActionPlanRevised e) => Plan?.Take(e.Actions);

    public void Apply(ActionStatusChanged e)
    {
        if (Plan is null) return;
        Plan.Version++;
        if (Plan.Actions.FirstOrDefault(a => a.Id == e.ActionId) is { } action) action.Status = e.Status;
    }

    public void Apply(ActionPlanPublicationConsented _) => Plan?.Publish(true);
    public void Apply(ActionPlanPublicationWithdrawn _) => Plan?.Publish(false);
    public void Apply(ActionPlanDetailsRecorded _) { }

    // ------------------------------------------------------------------ the seat

    /// <summary>Only a request without a session is assigned to one by an organiser.</summary>
    public void EnsureAssignable()
    {
        if (Status != BookingStatus.Received) throw new RuleViolationException("Alleen een aanvraag zonder sessie kan aan een sessie worden toegewezen.");
    }

    /// <summary>What the session's ledger decided for this booking, from the booking's side.</summary>
    public object Placed(object seat, int waitListPosition) => seat switch
    {
        SeatsAllocated allocated => new BookingConfirmed(Id, allocated.SessionId),
        SeatsWaitlisted waitlisted => new BookingWaitlisted(Id, waitlisted.SessionId, waitListPosition),
        _ => throw new ArgumentException($"Geen plaatsing: {seat.GetType().Name}", nameof(seat)),
    };

    /// <summary>Places came free on its session: the waiting booking gets one (nothing when it no longer waits).</summary>
    public BookingPromoted? Promote(Guid sessionId) =>
        Status == BookingStatus.Waitlisted && SessionId == sessionId ? new BookingPromoted(Id, sessionId) : null;

    /// <summary>Cancelled once, with the reason; cancelling again changes nothing.</summary>
    public BookingCancelled? Cancel(string reason) => Status == BookingStatus.Cancelled ? null : new BookingCancelled(Id, reason.Trim());

    // ------------------------------------------------------------------ co-financing

    /// <summary>A funder grants an amount (at most the requested amount) or refuses with a reason; once, and not after a cancellation.</summary>
    public object DecideCoFinancing(bool grant, decimal? amount, string? reason, DateTimeOffset now)
    {
        var requested = CoFinancingRequested ?? throw new RuleViolationException("Voor deze aanvraag is geen cofinanciering gevraagd.");
        if (Status == BookingStatus.Cancelled) throw new ConflictException("Deze aanvraag is geannuleerd; over de cofinanciering wordt niet meer besloten.");
        if (CoFinancingDecision is { } decision) throw new ConflictException($"Over deze cofinanciering is al besloten: {decision.Dutch()}.");
        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!grant) return new CoFinancingRefused(Id, requested, note ?? throw new RuleViolationException("Geef een reden voor het afwijzen."), now);
        if (amount is not { } granted || granted <= 0) throw new RuleViolationException("Vul het toe te kennen bedrag in.");
        if (granted > requested)
        {
            throw new RuleViolationException($"Het toegekende bedrag mag niet hoger zijn dan het gevraagde bedrag ({requested.ToString("C", DutchTime.Culture)}).");
        }
        return new CoFinancingGranted(Id, requested, granted, note, now);
    }

    // ------------------------------------------------------------------ the plan van aanpak

    /// <summary>Due dates lie between the session's day and five years after it.</summary>
    public const int HorizonYears = 5;

    /// <summary>
    /// After the session, the organiser records the plan of a confirmed booking, or revises it: actions with an id must be
    /// the plan's own (once each), new ones get an id, and every due date lies between the session's day and
    /// <see cref="HorizonYears"/> years after it. <paramref name="expectedVersion"/> is the plan's version the organiser saw.
    /// </summary>
    public object RecordPlan(WorkshopSession session, IReadOnlyList<string> goals, IReadOnlyList<PlanInput> actions, IReadOnlyList<string> lessons,
        long? expectedVersion, DateTimeOffset now)
    {
        if (Status != BookingStatus.Confirmed || SessionId != session.Id)
        {
            throw new RuleViolationException("Een plan van aanpak hoort bij een bevestigde boeking van een sessie.");
        }
        if (session.Cancelled) throw new RuleViolationException("Deze sessie is geannuleerd; er is geen plan van aanpak vast te leggen.");
        if (session.EndsAt > now)
        {
            throw new RuleViolationException($"Het plan van aanpak legt u vast na de sessie (die eindigt op {DutchTime.Format(session.EndsAt)}).");
        }
        EnsurePlanVersion(expectedVersion ?? Plan?.Version ?? 0);
        var sessionDay = DateOnly.FromDateTime(DutchTime.ToLocal(session.StartsAt).Date);
        var planned = actions.Select(a => new PlannedAction(a.Id ?? Guid.NewGuid(), a.Description.Trim(), a.Owner.Trim(), a.DueDate)).ToArray();
        var late = planned.FirstOrDefault(a => a.DueDate < sessionDay || a.DueDate > sessionDay.AddYears(HorizonYears));
        if (late is not null)
        {
            throw new RuleViolationException(
                $"De streefdatum van ‘{late.Description}’ ligt niet tussen de sessie ({sessionDay.ToString("d MMMM yyyy", DutchTime.Culture)}) en {HorizonYears} jaar daarna.");
        }
        var known = Plan?.Actions.Select(a => a.Id).ToHashSet() ?? [];
        var given = actions.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToList();
        if (given.Any(id => !known.Contains(id)) || given.Distinct().Count() != given.Count)
        {
            throw new RuleViolationException("Een van de acties hoort niet bij dit plan van aanpak. Laad het plan opnieuw.");
        }
        var goalTexts = goals.Select(g => g.Trim()).ToArray();
        var lessonRefs = lessons.Select(l => l.Trim()).Distinct().ToArray();
        return Plan is null
            ? new ActionPlanRecorded(Id, session.Id, AreaId, AreaName, goalTexts, planned, lessonRefs, session.FormatTitle, session.StartsAt, now)
            : new ActionPlanRevised(Id, goalTexts, planned, lessonRefs, now);
    }

    /// <summary>The contact keeps an action's status up to date; the same status again changes nothing.</summary>
    public ActionStatusChanged? ChangeActionStatus(Guid actionId, ActionStatus status, long? expectedVersion, DateTimeOffset now)
    {
        var plan = EnsurePlan(expectedVersion);
        var action = plan.Actions.FirstOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("Deze actie staat niet in het plan van aanpak.");
        return action.Status == status ? null : new ActionStatusChanged(Id, actionId, action.Description, status, now);
    }

    /// <summary>The contact agrees (or no longer agrees) that the plan is shown on the area's page; the same answer again changes nothing.</summary>
    public object? ConsentToPublication(bool consent, long? expectedVersion, DateTimeOffset now)
    {
        var plan = EnsurePlan(expectedVersion);
        if (plan.Published == consent) return null;
        return consent ? new ActionPlanPublicationConsented(Id, AreaId, now) : new ActionPlanPublicationWithdrawn(Id, AreaId, now);
    }

    // ------------------------------------------------------------------ erasure

    /// <summary>The contact's data is erased: recorded once, whatever the booking's state.</summary>
    public BookingErased? Erase(DateTimeOffset now) => Erased ? null : new BookingErased(Id, now);

    /// <summary>
    /// What the erasure of the requester resolves, so nothing is left orphaned (docs/adr/0099): an open co-financing request
    /// is closed; a request without a session, or on the wait list, is withdrawn (its wait-list place is freed by the
    /// caller, <see cref="SeatPlanning.ReleaseAsync"/>); a confirmed booking waits for the organiser's decision.
    /// </summary>
    public IReadOnlyList<object> ResolveErasure(DateTimeOffset now)
    {
        if (Erased || Status == BookingStatus.Cancelled) return [];
        var changes = new List<object>();
        if (CoFinancingRequested is { } requested && requested > 0 && CoFinancingDecision is null)
        {
            changes.Add(new CoFinancingClosed(Id, requested, RequesterErased, now));
        }
        if (Status is BookingStatus.Received or BookingStatus.Waitlisted) changes.Add(new BookingCancelled(Id, RequesterErased));
        else if (Status == BookingStatus.Confirmed && !AwaitsDecision) changes.Add(new BookingAwaitsOrganiserDecision(Id, RequesterErased, now));
        return changes;
    }

    /// <summary>The organiser keeps a booking whose contact was erased: only while that decision is open.</summary>
    public BookingKeptForOrganisation Keep(DateTimeOffset now) => AwaitsDecision
        ? new BookingKeptForOrganisation(Id, now)
        : throw new RuleViolationException("Over deze boeking hoeft niets besloten te worden.");

    private PlanState EnsurePlan(long? expectedVersion)
    {
        var plan = Plan ?? throw new NotFoundException("Voor deze aanvraag is nog geen plan van aanpak vastgelegd.");
        EnsurePlanVersion(expectedVersion ?? plan.Version);
        return plan;
    }

    private void EnsurePlanVersion(long expected)
    {
        if (expected != (Plan?.Version ?? 0))
        {
            throw new ConflictException("Het plan van aanpak is intussen gewijzigd. Bekijk de huidige stand en probeer het opnieuw.");
        }
    }
}

/// <summary>One action as the organiser writes it (checked: description, owner and due date are there).</summary>
public sealed record PlanInput(Guid? Id, string Description, string Owner, DateOnly DueDate);

/// <summary>The plan van aanpak as far as its decisions need it: its version (its own events), its actions and whether it is published.</summary>
public sealed class PlanState
{
    public long Version { get; set; }
    public bool Published { get; set; }
    public List<PlanActionState> Actions { get; set; } = [];

    /// <summary>A recording or revision: kept actions (same id) keep their status.</summary>
    public void Take(IEnumerable<PlannedAction> actions)
    {
        var statuses = Actions.ToDictionary(a => a.Id, a => a.Status);
        Actions = actions.Select(a => new PlanActionState(a.ActionId, a.Description, statuses.GetValueOrDefault(a.ActionId, ActionStatus.Open))).ToList();
        Version++;
    }

    public void Publish(bool published)
    {
        Published = published;
        Version++;
    }
}

public sealed class PlanActionState(Guid id, string description, ActionStatus status)
{
    public Guid Id { get; set; } = id;
    public string Description { get; set; } = description;
    public ActionStatus Status { get; set; } = status;
}
