using System.IO.Compression;
using System.Security.Cryptography;

using Linkage.Sample;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Sample;

[TestClass]
public sealed class SampleFolderTests
{
    // SHA-256 of each file written by SampleGenerator.Write(folder, 23, 3000) — the default sample — before the records
    // file was streamed (commit b0c9926, `linkage sample --out DIR` then `sha256sum`). The XLSX is not byte-stable
    // (MiniExcel writes a random relationship id and zip timestamps), so its worksheet XML is hashed instead.
    private static readonly Dictionary<string, string> DefaultSample = new(StringComparer.Ordinal)
    {
        ["01-wide-en.csv"] = "46a218ceded62c2dc033201c4f8b76da99b0da3dfcf63ae4fc9932d6fe1186c2",
        ["02-wide-de.csv"] = "d365c30663b6d2dae8ce12f20b30adf99e94dbd4f095eb9b5c6e1c9f04555049",
        ["03-long-fr.csv"] = "4e33d711d2973d50751d981ed664605ee37a519e39aa33b25d32f388f2fee2cc",
        ["04-long-it.xlsx"] = "8cd12611e11d5092d844feeaa5ca77a0055698d40776e565b5954c9838e44576",
        ["05-records-es.txt"] = "862621c9de9f042e4c921a2390f7fab7d4cc1b9687143b724bc2ad52fdec6e63",
        ["06-sdmx-v1.csv"] = "0bf4df171bee1668f9a67b439c5a390f520fb70ecd8437b411e56ebe619c5f57",
        ["07-sdmx-v2.csv"] = "08109bfe53d17d76c9c16b98fdb1f9bab579679e7f8aab816efe757f8cdd95f4",
        ["08-wide-ru.csv"] = "2523b23072305142e7c8f8a6dbff0fb48541d8fb62c0604bc8787bfb921bb056",
    };

    [TestMethod]
    public void Write_gives_the_default_sample_byte_for_byte_as_before_the_records_file_was_streamed()
    {
        using var dir = new TempFolder();

        var names = SampleGenerator.Write(dir.Path, SampleGenerator.DefaultSeed, SampleGenerator.DefaultRecords);

        CollectionAssert.AreEquivalent(DefaultSample.Keys.ToList(), names.ToList());
        foreach (var name in names)
        {
            Assert.AreEqual(DefaultSample[name], Hash(dir.PathOf(name)), name);
        }
    }

    [TestMethod]
    public void Write_gives_the_same_records_file_as_before_for_another_seed_and_size()
    {
        using var dir = new TempFolder();

        SampleGenerator.Write(dir.Path, 7, 20_000);

        // `linkage sample --out DIR --seed 7 --records 20000` at commit b0c9926, then `sha256sum DIR/05-records-es.txt`.
        Assert.AreEqual("2b47baa1a6992722792cf62e2c31c2ec43423163eadd7119b0dca496653dd442", Hash(dir.PathOf("05-records-es.txt")));
    }

    private static string Hash(string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }

        using var zip = ZipFile.OpenRead(path);
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        return Convert.ToHexStringLower(SHA256.HashData(sheet));
    }
}
