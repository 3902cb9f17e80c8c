using System.Net;
using System.Text.Json;
using Cpro.Host.Ops;
using Cpro.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Serilog.Events;
using Serilog.Parsing;
using Snapshooter.Xunit;

namespace Cpro.IntegrationTests.Api;

[Collection(CproCollection.Name)]
public sealed class PipelineTests(CproFactory factory)
{
    [Fact]
    public async Task Unhandled_error_gets_500_problem_details_with_a_trace_id_and_no_internals()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(FailingRouteStartupFilter.Path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain(FailingRouteStartupFilter.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_watches_no_configuration_file()
    {
        // A file source reloading on change watches the whole content root, where run.sh keeps PostgreSQL's data.
        var sources = ((IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>()).Providers
            .OfType<FileConfigurationProvider>().Select(p => p.Source).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.False(s.ReloadOnChange, s.Path));
    }

    [Fact]
    public async Task Unknown_api_route_gets_404_problem_details()
    {
        using var client = await factory.AdminClientAsync();

        var response = await client.GetAsync("/api/inexistant");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_probes_answer_200_when_the_database_is_migrated()
    {
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Openapi_describes_every_modules_endpoints_grouped_by_module()
    {
        using var client = factory.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        foreach (var module in new[] { "etablissements", "referentiels", "scenarios", "periodes", "portfolio", "book", "bilans", "transferts", "certification" })
        {
            Assert.True(paths.TryGetProperty($"/api/{module}/statut", out _), module);
        }
        Assert.True(paths.TryGetProperty("/api/etablissements/{uai}/modules/{module}", out var put));
        var tags = put.GetProperty("put").GetProperty("tags").EnumerateArray().Select(t => t.GetString());
        Assert.Equal(["Établissements"], tags);
        Assert.True(paths.TryGetProperty("/api/auth/token", out _));
        Assert.Equal(["Portfolio"], paths.GetProperty("/api/portfolio/statut").GetProperty("get").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    /// <summary>The whole public API as a snapshot: any change of a route, a field or a summary shows in review (update
    /// the snapshot under __snapshots__ when it is meant).</summary>
    [Fact]
    public async Task The_public_api_is_the_one_reviewed()
    {
        using var client = factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Snapshot.Match(JToken.Parse(document));
    }

    [Fact]
    public void Logs_are_json_lines_when_asked()
    {
        var json = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CPRO_LOG_FORMAT"] = "json" }).Build();
        var text = new ConfigurationBuilder().Build();
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null,
            new MessageTemplateParser().Parse("Handler {Handler} traité"), [new LogEventProperty("Handler", new ScalarValue("CreerEtablissement"))]);

        using var jsonOut = new StringWriter();
        Logging.Formatter(json).Format(logEvent, jsonOut);
        using var textOut = new StringWriter();
        Logging.Formatter(text).Format(logEvent, textOut);

        var line = JsonDocument.Parse(jsonOut.ToString().Trim()).RootElement;
        Assert.Equal("CreerEtablissement", line.GetProperty("Handler").GetString());
        Assert.Equal("Handler \"CreerEtablissement\" traité", line.GetProperty("@m").GetString());
        Assert.Contains("[", textOut.ToString(), StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(textOut.ToString()));
    }
}
