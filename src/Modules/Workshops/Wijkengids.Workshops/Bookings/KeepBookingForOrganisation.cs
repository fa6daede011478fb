namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// The organiser keeps a confirmed booking whose contact was erased for the organisation: its places stay taken. (To free
/// them instead, the organiser cancels it.) Docs/adr/0099.
/// </summary>
public sealed record KeepBookingForOrganisation(Guid BookingId, long? ExpectedVersion) : ICommand<Unit>;

internal sealed class KeepBookingForOrganisationHandler(BookingSteps steps) : IRequestHandler<KeepBookingForOrganisation, Unit>
{
    public async Task<Unit> Handle(KeepBookingForOrganisation request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.BookingId, request.ExpectedVersion, cancellationToken);
        stream.AppendOne(stream.Aggregate!.Keep(steps.Now));
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapPost("/bookings/{id:guid}/keep", async (Guid id, CancelBookingHandler.CancelBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new KeepBookingForOrganisation(id, body.ExpectedVersion), ct);
                return TypedResults.Ok(await mediator.Send(new GetBooking(id), ct));
            })
            .WithName("KeepBookingForOrganisation")
            .WithSummary("Boeking waarvan de contactpersoon is gewist behouden voor de organisatie; de plaatsen blijven bezet (organisator)");
}
