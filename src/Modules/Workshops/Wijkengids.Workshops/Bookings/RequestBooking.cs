using System.Security.Cryptography;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Formats;
using Wolverine.Marten;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// A region, municipality or neighbourhood asks for a werkatelier: for a chosen session (placed at once: a place when
/// there is room, else the wait list) or with preferred dates (an organiser assigns a session later).
/// </summary>
public sealed record RequestBooking(string FormatSlug, Guid? SessionId, Guid AreaId, string Organisation, string ContactName, string ContactEmail,
    int Participants, string? PreferredDates, string Goals, bool CoFinancing, decimal? CoFinancingAmount, string? CoFinancingMotivation)
    : IRequest<BookingDetails>;

internal sealed class RequestBookingValidator : AbstractValidator<RequestBooking>
{
    public RequestBookingValidator()
    {
        RuleFor(x => x.AreaId).NotEmpty().WithMessage("Kies het gebied (regio, gemeente of wijk).");
        RuleFor(x => x.Organisation).NotEmpty().WithMessage("Vul de organisatie in.").MaximumLength(150).WithMessage("De organisatie mag hoogstens 150 tekens hebben.");
        RuleFor(x => x.ContactName).NotEmpty().WithMessage("Vul de naam van de contactpersoon in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.ContactEmail).NotEmpty().WithMessage("Vul het e-mailadres van de contactpersoon in.")
            .MaximumLength(254).WithMessage("Het e-mailadres is te lang.").EmailAddress().WithMessage("Vul een geldig e-mailadres in.");
        RuleFor(x => x.Participants).InclusiveBetween(1, 500).WithMessage("Het aantal deelnemers ligt tussen 1 en 500.");
        RuleFor(x => x.PreferredDates).NotEmpty().When(x => x.SessionId is null)
            .WithMessage("Kies een sessie of geef uw voorkeursdata op.").MaximumLength(500).WithMessage("De voorkeursdata mogen hoogstens 500 tekens hebben.");
        RuleFor(x => x.Goals).NotEmpty().WithMessage("Beschrijf wat het gebied met het werkatelier wil bereiken.")
            .MaximumLength(5000).WithMessage("De beschrijving mag hoogstens 5000 tekens hebben.");
        When(x => x.CoFinancing, () =>
        {
            RuleFor(x => x.CoFinancingAmount).NotNull().WithMessage("Vul het gevraagde bedrag voor cofinanciering in.")
                .GreaterThan(0).WithMessage("Het gevraagde bedrag moet groter dan € 0 zijn.")
                .LessThanOrEqualTo(1_000_000).WithMessage("Het gevraagde bedrag is te hoog.");
            RuleFor(x => x.CoFinancingMotivation).NotEmpty().WithMessage("Motiveer de aanvraag voor cofinanciering.")
                .MaximumLength(5000).WithMessage("De motivatie mag hoogstens 5000 tekens hebben.");
        });
    }
}

internal sealed class RequestBookingHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    ICommunityDirectory directory,
    SeatPlanner planner,
    TimeProvider clock) : IRequestHandler<RequestBooking, BookingDetails>
{
    public async Task<BookingDetails> Handle(RequestBooking request, CancellationToken cancellationToken)
    {
        var format = await session.Query<WorkshopFormat>().FirstOrDefaultAsync(f => f.Slug == request.FormatSlug, cancellationToken)
                     ?? throw new NotFoundException("Dit werkatelier bestaat niet.");
        var area = await directory.AreaAsync(request.AreaId, cancellationToken)
                   ?? throw new RuleViolationException("Kies een bestaand gebied uit de lijst.");

        var id = Guid.NewGuid();
        var account = Guid.TryParse(context.Actor, out var accountId) ? accountId : (Guid?)null;
        var subject = account ?? id;
        var coFinancing = request.CoFinancing ? request.CoFinancingAmount : null;
        var booking = new Booking
        {
            Id = id,
            Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
            FormatId = format.Id,
            FormatTitle = format.Title,
            AreaId = area.Id,
            AreaName = area.Name,
            Subject = subject,
            AccountId = account,
            Organisation = request.Organisation.Trim(),
            ContactName = request.ContactName.Trim(),
            ContactEmail = request.ContactEmail.Trim().ToLowerInvariant(),
            Participants = request.Participants,
            PreferredDates = request.PreferredDates?.Trim(),
            Goals = request.Goals.Trim(),
            CoFinancingRequested = coFinancing,
            CoFinancingMotivation = request.CoFinancing ? request.CoFinancingMotivation?.Trim() : null,
            RequestedAt = clock.GetUtcNow(),
            Version = 1,
        };

        session.Stamp(context);
        outbox.EnrollWith(session, context);
        session.Events.StartStream<Booking>(id, new BookingRequested(id, format.Id, request.SessionId, area.Id, area.Name, subject, account,
            await vault.SealAsync(subject, booking.Organisation, cancellationToken),
            await vault.SealAsync(subject, booking.ContactName, cancellationToken),
            await vault.SealAsync(subject, booking.ContactEmail, cancellationToken),
            booking.Participants, booking.PreferredDates,
            await vault.SealAsync(subject, booking.Goals, cancellationToken),
            coFinancing,
            booking.CoFinancingMotivation is null ? null : await vault.SealAsync(subject, booking.CoFinancingMotivation, cancellationToken)));
        if (request.SessionId is { } sessionId) await planner.PlaceAsync(booking, sessionId, cancellationToken);
        session.Store(booking);
        await session.SaveChangesAsync(cancellationToken);
        return BookingDetails.From(booking);
    }

    internal static void MapEndpoint(RouteGroupBuilder open) =>
        open.MapPost("/bookings", async (RequestBooking command, IMediator mediator, CancellationToken ct) =>
            {
                var booking = await mediator.Send(command, ct);
                return TypedResults.Created(booking.StatusUrl, booking);
            })
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("RequestBooking")
            .WithSummary("Een werkatelier aanvragen (iedereen); met een gekozen sessie direct geplaatst of op de wachtlijst")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
