using Microsoft.AspNetCore.Mvc;
using Wijkengids.Contributions.Proposals;

namespace Wijkengids.Contributions.Pages;

/// <summary>The proposer's own proposal: status, diff, the editors' questions and reason, where it ended up; answer a question.</summary>
public sealed class MijnVoorstelModel(IMediator mediator) : ProposalPageModel(mediator, asEditor: false)
{
    public override string ErrorTitle => "Dat is nog niet verstuurd";

    public Task<IActionResult> OnPostAnswerAsync(long expectedVersion, string? answer, string? title, string? statement, string? body,
        CancellationToken ct) =>
        Done(() => Mediator.Send(new AnswerProposal(Id, answer ?? "", title, statement, body, null, expectedVersion), ct),
            "Dank u wel. Uw antwoord is verstuurd en uw voorstel ligt weer bij de redactie.", ct);

    public Task<IActionResult> OnPostObjectAsync(string? motivation, CancellationToken ct) =>
        Done(() => Mediator.Send(new ObjectToProposalRejection(Id, motivation ?? ""), ct),
            "Uw bezwaar is verstuurd. Een andere redacteur beoordeelt het; u ziet de uitkomst hier.", ct);
}
