using Wijkengids.Workshops.Formats;

namespace Wijkengids.Workshops.Sessions;

/// <summary>
/// An organiser schedules a session. <see cref="StartsAt"/> is the local time in Europe/Amsterdam (e.g. 2027-03-04T14:00);
/// it is stored in UTC. Answers with the new session's id.
/// </summary>
public sealed record ScheduleSession(string FormatSlug, DateTime StartsAt, string? Place, string? OnlineLink, int? Capacity, IReadOnlyList<Guid>? Trainers)
    : ICommand<Guid>;

internal sealed class ScheduleSessionValidator : AbstractValidator<ScheduleSession>
{
    public ScheduleSessionValidator()
    {
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Place) || !string.IsNullOrWhiteSpace(x.OnlineLink))
            .WithName("Place").WithMessage("Geef een plaats of een link voor een online sessie.");
        RuleFor(x => x.Place).MaximumLength(200).WithMessage("De plaats mag hoogstens 200 tekens hebben.");
        RuleFor(x => x.OnlineLink).Must(SessionRules.IsHttpsLink!).When(x => !string.IsNullOrWhiteSpace(x.OnlineLink))
            .WithMessage("De online link moet met https:// beginnen.");
        RuleFor(x => x.Capacity).InclusiveBetween(1, 500).When(x => x.Capacity is not null).WithMessage("De capaciteit ligt tussen 1 en 500.");
    }
}

internal sealed class ScheduleSessionHandler(IDocumentSession session, IRequestContext context, TimeProvider clock) : IRequestHandler<ScheduleSession, Guid>
{
    public async Task<Guid> Handle(ScheduleSession request, CancellationToken cancellationToken)
    {
        var format = await session.Query<WorkshopFormat>().FirstOrDefaultAsync(f => f.Slug == request.FormatSlug, cancellationToken)
                     ?? throw new NotFoundException(FormatSteps.NotFound);
        var id = Guid.NewGuid();
        var scheduled = WorkshopSession.Schedule(id, format, SessionRules.ToUtc(request.StartsAt), request.Place?.Trim(), request.OnlineLink?.Trim(),
            request.Capacity, request.Trainers, clock.GetUtcNow());
        session.Stamp(context);
        session.Events.StartStream<WorkshopSession>(id, scheduled);
        return id;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapPost("/sessions", async (ScheduleSession command, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/workshops/sessions/{id}", SessionSummary.From(await mediator.Send(new GetSession(id), ct)));
            })
            .WithName("ScheduleSession").WithSummary("Sessie plannen; tijd in Europe/Amsterdam (organisator)");
}
