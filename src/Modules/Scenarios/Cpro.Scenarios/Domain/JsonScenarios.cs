using System.Text.Json;
using System.Text.Json.Serialization;
using Cpro.Scenarios.Features;

namespace Cpro.Scenarios.Domain;

/// <summary>The learner dashboard's and synthesis' answers, written by generated code rather than by reflection: the
/// dashboard holds three years of positionings (about 1,500), and writing it was most of the request's time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TableauDeBord.TableauDto))]
[JsonSerializable(typeof(LireSynthese.SyntheseDto))]
internal sealed partial class JsonScenarios : JsonSerializerContext;
