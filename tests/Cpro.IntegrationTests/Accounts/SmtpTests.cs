using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Cpro.Etablissements.Courriels;
using Cpro.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Cpro.IntegrationTests.Accounts;

/// <summary>The SMTP transport against a fake server on loopback: what goes over the wire, TLS, and time limits.</summary>
[Collection(CproCollection.Name)]
public sealed class SmtpTests(CproFactory factory)
{
    private const string Objet = "Votre compte Cpro — accès « élève »";
    private const string Corps = "Bonjour Anaïs,\n\nMot de passe provisoire : kQ7-ÿé€\nAdresse du site : https://cpro.example.org/";

    [Fact]
    public async Task Without_tls_for_a_local_relay_the_message_is_delivered_with_its_utf8_subject_and_body()
    {
        using var certificat = CertificatAutoSigne();
        await using var serveur = new FauxServeurSmtp(certificat);

        var transport = await EnvoyerAsync(Transport($"smtp://127.0.0.1:{serveur.Port}?tls=non"), "anais@example.org");

        Assert.Equal("SMTP", transport);
        var donnees = await serveur.DonneesAsync();
        Assert.Contains(serveur.Commandes, c => c.StartsWith("MAIL FROM:<ne-pas-repondre@cpro.invalid>", StringComparison.Ordinal));
        Assert.Contains(serveur.Commandes, c => c.StartsWith("RCPT TO:<anais@example.org>", StringComparison.Ordinal));
        // Offered, STARTTLS is still not used: the opt-out is plain SMTP, not « TLS when available ».
        Assert.DoesNotContain("STARTTLS", serveur.Commandes);
        Assert.Contains("To: anais@example.org\r\n", donnees, StringComparison.Ordinal);
        // The subject is encoded as RFC 2047 words; the body travels as readable UTF-8.
        var message = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(donnees)));
        Assert.Equal(Objet, message.Subject);
        Assert.DoesNotContain(Objet, donnees, StringComparison.Ordinal);
        Assert.Equal(Corps, message.TextBody?.ReplaceLineEndings("\n").TrimEnd());
        Assert.Contains("Mot de passe provisoire : kQ7-ÿé€\r\n", donnees, StringComparison.Ordinal);
        Assert.Contains("QUIT", serveur.Commandes);
    }

    [Fact]
    public async Task Plain_smtp_requires_starttls_and_refuses_a_self_signed_certificate_without_sending()
    {
        using var certificat = CertificatAutoSigne();
        await using var serveur = new FauxServeurSmtp(certificat);

        var echec = await Assert.ThrowsAnyAsync<Exception>(() => EnvoyerAsync(Transport($"smtp://127.0.0.1:{serveur.Port}"), "anais@example.org"));

        Assert.Contains("STARTTLS", serveur.Commandes);
        Assert.DoesNotContain(serveur.Commandes, c => c.StartsWith("MAIL", StringComparison.Ordinal));
        Assert.StartsWith("Certificat du serveur SMTP refusé", echec.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_smtp_sends_nothing_to_a_server_that_does_not_offer_starttls()
    {
        await using var serveur = new FauxServeurSmtp(certificat: null);

        var echec = await Assert.ThrowsAnyAsync<Exception>(() => EnvoyerAsync(Transport($"smtp://127.0.0.1:{serveur.Port}"), "anais@example.org"));

        Assert.DoesNotContain(serveur.Commandes, c => c.StartsWith("MAIL", StringComparison.Ordinal));
        Assert.StartsWith($"Le serveur SMTP 127.0.0.1:{serveur.Port} ne permet pas ce que demande CPRO_SMTP", echec.Message, StringComparison.Ordinal);
        Assert.Contains("STARTTLS", echec.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_the_sending_after_the_configured_delay()
    {
        await using var serveur = new FauxServeurSmtp(certificat: null, muet: true);
        var chrono = Stopwatch.StartNew();

        var echec = await Assert.ThrowsAnyAsync<Exception>(() =>
            EnvoyerAsync(Transport($"smtp://127.0.0.1:{serveur.Port}?tls=non", delaiS: 1), "anais@example.org").WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.StartsWith("Délai dépassé", echec.Message, StringComparison.Ordinal);
        Assert.InRange(chrono.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("relay.example.org", "relay.example.org")]
    [InlineData("http://relay.example.org", "http://relay.example.org")]
    [InlineData("smtp://", "smtp://")]
    [InlineData("smtp://relay.example.org:99999", "smtp://relay.example.org:99999")]
    [InlineData("smtp://relay.example.org?tls=peut-etre", "smtp://relay.example.org?tls=peut-etre")]
    [InlineData("smtps://relay.example.org?tls=non", "smtps://relay.example.org?tls=non")]
    [InlineData("smtp://relay.example.org/chemin", "smtp://relay.example.org/chemin")]
    [InlineData("smtp://utilisateur@relay.example.org", "smtp://***@relay.example.org")]
    [InlineData("smtp://utilisateur:secret@relay.example.org?tls=oui", "smtp://***@relay.example.org?tls=oui")]
    public void A_malformed_smtp_address_is_refused_with_a_french_message_that_hides_the_password(string adresse, string montree)
    {
        var refus = Assert.Throws<InvalidOperationException>(() => Transport(adresse));

        Assert.StartsWith($"CPRO_SMTP « {montree} » : ", refus.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", refus.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("trente")]
    public void A_malformed_delay_is_refused_with_a_french_message(string delai)
    {
        var refus = Assert.Throws<InvalidOperationException>(() => ConfigurationCourriels.Transport(Configuration(
            ("CPRO_SMTP", "smtp://relay.example.org"), ("CPRO_SMTP_DELAI_S", delai))));

        Assert.Equal($"CPRO_SMTP_DELAI_S « {delai} » : attendu un nombre entier de secondes, entre 1 et 3600.", refus.Message);
    }

    [Fact]
    public void The_host_does_not_start_with_a_malformed_smtp_address()
    {
        using var mal = factory.WithWebHostBuilder(b => b.UseSetting("CPRO_SMTP", "smtp//relay.example.org"));

        var echec = Assert.ThrowsAny<Exception>(() => mal.CreateClient());

        Assert.Contains("CPRO_SMTP « smtp//relay.example.org »", Messages(echec), StringComparison.Ordinal);
    }

    private static ITransportCourriel Transport(string adresse, int delaiS = 5) =>
        ConfigurationCourriels.Transport(Configuration(("CPRO_SMTP", adresse), ("CPRO_SMTP_DELAI_S", delaiS.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static Task<string> EnvoyerAsync(ITransportCourriel transport, string destinataire) =>
        transport.EnvoyerAsync(MessageCourriel.Creer(new MimeKit.MailboxAddress(null, "ne-pas-repondre@cpro.invalid"), destinataire, Objet, Corps,
            DateTimeOffset.UtcNow), CancellationToken.None);

    private static IConfiguration Configuration(params (string Cle, string Valeur)[] valeurs) =>
        new ConfigurationBuilder().AddInMemoryCollection(valeurs.Select(v => KeyValuePair.Create(v.Cle, (string?)v.Valeur))).Build();

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} | {Messages(e.InnerException)}";

    /// <summary>Valid for 127.0.0.1 and localhost, but signed by nobody the system trusts.</summary>
    private static X509Certificate2 CertificatAutoSigne()
    {
        using var cle = RSA.Create(2048);
        var demande = new CertificateRequest("CN=localhost", cle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var noms = new SubjectAlternativeNameBuilder();
        noms.AddDnsName("localhost");
        noms.AddIpAddress(IPAddress.Loopback);
        demande.CertificateExtensions.Add(noms.Build());
        demande.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificat = demande.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12, so that SslStream gets a certificate whose private key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(certificat.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Just enough of an SMTP server for one client: the greeting, EHLO (offering STARTTLS with its certificate),
    /// MAIL, RCPT, DATA and QUIT; or, mute, a server that accepts the connection and never answers.</summary>
    private sealed class FauxServeurSmtp : IAsyncDisposable
    {
        private readonly TcpListener _ecoute = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _arret = new();
        private readonly TaskCompletionSource<string> _donnees = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _commandes = new();
        private readonly Task _service;

        public FauxServeurSmtp(X509Certificate2? certificat, bool muet = false)
        {
            _ecoute.Start();
            _service = Task.Run(() => ServirAsync(certificat, muet));
        }

        public int Port => ((IPEndPoint)_ecoute.LocalEndpoint).Port;

        public IReadOnlyCollection<string> Commandes => [.. _commandes];

        public Task<string> DonneesAsync() => _donnees.Task.WaitAsync(TimeSpan.FromSeconds(10));

        private async Task ServirAsync(X509Certificate2? certificat, bool muet)
        {
            try
            {
                using var client = await _ecoute.AcceptTcpClientAsync(_arret.Token);
                if (muet)
                {
                    await Task.Delay(Timeout.Infinite, _arret.Token);
                }
                Stream flux = client.GetStream();
                await EcrireAsync(flux, "220 faux.test ESMTP");
                while (await LireLigneAsync(flux) is { } ligne)
                {
                    _commandes.Enqueue(ligne);
                    switch (ligne.Split(' ', ':')[0].ToUpperInvariant())
                    {
                        case "EHLO":
                            await EcrireAsync(flux, certificat is null ? "250-faux.test\r\n250 8BITMIME" : "250-faux.test\r\n250-8BITMIME\r\n250 STARTTLS");
                            break;
                        case "STARTTLS" when certificat is not null:
                            await EcrireAsync(flux, "220 2.0.0 Allez-y");
                            var tls = new SslStream(flux);
                            await tls.AuthenticateAsServerAsync(certificat, false, false);
                            flux = tls;
                            break;
                        case "MAIL" or "RCPT":
                            await EcrireAsync(flux, "250 2.1.0 OK");
                            break;
                        case "DATA":
                            await EcrireAsync(flux, "354 Terminez par une ligne avec un point");
                            _donnees.TrySetResult(await LireDonneesAsync(flux));
                            await EcrireAsync(flux, "250 2.0.0 Reçu");
                            break;
                        case "QUIT":
                            await EcrireAsync(flux, "221 2.0.0 Au revoir");
                            return;
                        default:
                            await EcrireAsync(flux, "502 5.5.1 Inconnu");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException
                                           or System.Security.Authentication.AuthenticationException)
            {
                // The client hung up, refused our certificate, or the test is over.
            }
        }

        private static async Task EcrireAsync(Stream flux, string reponse)
        {
            await flux.WriteAsync(Encoding.UTF8.GetBytes(reponse + "\r\n"));
            await flux.FlushAsync();
        }

        /// <summary>One line, read byte by byte so that nothing is buffered past it (the TLS handshake follows STARTTLS).</summary>
        private static async Task<string?> LireLigneAsync(Stream flux)
        {
            var octets = new List<byte>();
            var octet = new byte[1];
            while (await flux.ReadAsync(octet) == 1)
            {
                if (octet[0] == '\n')
                {
                    return Encoding.UTF8.GetString([.. octets]).TrimEnd('\r');
                }
                octets.Add(octet[0]);
            }
            return null;
        }

        /// <summary>The message up to the line holding a single dot, its leading dots unstuffed.</summary>
        private static async Task<string> LireDonneesAsync(Stream flux)
        {
            var donnees = new StringBuilder();
            while (await LireLigneAsync(flux) is { } ligne && ligne != ".")
            {
                donnees.Append(ligne.StartsWith('.') ? ligne[1..] : ligne).Append("\r\n");
            }
            return donnees.ToString();
        }

        public async ValueTask DisposeAsync()
        {
            await _arret.CancelAsync();
            _ecoute.Stop();
            await _service;
            _arret.Dispose();
        }
    }
}
