using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Mail;
using Wolverine;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>A mail is sent at most once per delivery, also when its message arrives twice or after a crash (docs/adr/0082).</summary>
[Collection(SharedHosts.Smtp)]
public sealed class MailAtMostOnceTests(SmtpFixture fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task The_same_delivery_message_handled_twice_at_once_and_once_more_sends_one_mail()
    {
        const string address = "een-keer@example.nl";
        var id = await QueueAsync(address);

        await Task.WhenAll(InvokeAsync(id), InvokeAsync(id));
        await InvokeAsync(id);

        var mail = Assert.Single(fixture.Sink.To(address));
        Assert.Equal(DeliverMailHandler.MessageIdOf(id), mail.MessageId);
        var delivery = await LoadAsync(id);
        Assert.Equal(1, delivery.Attempts);
    }

    [Fact]
    public async Task A_delivery_whose_attempt_was_cut_off_is_not_sent_again_and_admins_see_it_is_uncertain()
    {
        const string address = "afgebroken@example.nl";
        var id = await QueueAsync(address);
        // What a crash leaves behind: attempt 1 claimed and committed, the mail maybe with the server, no outcome recorded.
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            var delivery = (await session.LoadAsync<MailDelivery>(id))!;
            delivery.Attempts = 1;
            delivery.Status = DeliveryStatus.Sending;
            session.Store(delivery);
            session.Insert(new MailAttempt { Id = $"{id}#1", DeliveryId = id, Number = 1, StartedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }

        await InvokeAsync(id); // the message, redelivered after the crash
        await InvokeAsync(id);

        Assert.Empty(fixture.Sink.To(address));
        var uncertain = await LoadAsync(id);
        Assert.Equal(DeliveryStatus.Uncertain, uncertain.Status);
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var recorded = Assert.Single(await session.Events.FetchStreamAsync(DeliverMailHandler.StreamOf(id)));
            var data = Assert.IsType<MailDeliveryUncertain>(recorded.Data);
            Assert.Equal(id, data.DeliveryId);
            Assert.Equal(DeliverMailHandler.MessageIdOf(id), data.MessageId);
        }

        var admin = await Host.LoginAsRoleAsync("admin");
        var page = (await Host.Scenario(s => { s.Get.Url("/beheer/verzending"); s.As(admin); })).ReadAsText();
        Assert.Contains($"{address} – onzeker", page);
        Assert.Contains("Verzending onzeker", page);
    }

    private async Task<string> QueueAsync(string address)
    {
        var delivery = new MailDelivery
        {
            Id = $"test-{Guid.NewGuid()}", Mailing = "test", Recipient = Guid.NewGuid(), To = address, Subject = "Eén keer", Text = "Dit komt één keer aan.",
        };
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        await MailQueue.EnqueueAsync(session, [delivery], TimeProvider.System, CancellationToken.None);
        await session.SaveChangesAsync();
        return delivery.Id;
    }

    private async Task InvokeAsync(string deliveryId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new DeliverMail(deliveryId));
    }

    private async Task<MailDelivery> LoadAsync(string id)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<MailDelivery>(id))!;
    }
}
