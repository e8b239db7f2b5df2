using GdNotebooks.Data;

namespace GdNotebooks.Tests.Data;

public class MiniBatchSamplerTests
{
    private static List<int[]> Draw(MiniBatchSampler sampler, int batches) =>
        Enumerable.Range(0, batches).Select(_ => sampler.Next().ToArray()).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_batches()
    {
        var a = Draw(new MiniBatchSampler(50, 8, seed: 11), 20);
        var b = Draw(new MiniBatchSampler(50, 8, seed: 11), 20);
        var c = Draw(new MiniBatchSampler(50, 8, seed: 12), 20);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(50, 8)]
    [InlineData(50, 1)]
    [InlineData(48, 16)]
    [InlineData(7, 3)]
    public void Every_index_appears_exactly_once_per_epoch(int count, int batchSize)
    {
        var sampler = new MiniBatchSampler(count, batchSize, seed: 2);
        int perEpoch = (count + batchSize - 1) / batchSize;
        Assert.Equal(perEpoch, sampler.BatchesPerEpoch);
        var epochs = new List<int[]>();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var seen = new List<int>();
            for (int b = 0; b < perEpoch; b++)
            {
                var batch = sampler.Next();
                Assert.Equal(epoch, sampler.Epoch);
                Assert.Equal(b < perEpoch - 1 || count % batchSize == 0 ? batchSize : count % batchSize, batch.Length);
                seen.AddRange(batch.ToArray());
            }
            Assert.Equal(Enumerable.Range(0, count), seen.Order());
            epochs.Add(seen.ToArray());
        }
        if (count > 3) Assert.NotEqual(epochs[0], epochs[1]);   // reshuffled each epoch
    }

    [Theory]
    [InlineData(null)]
    [InlineData(30)]
    [InlineData(100)]
    public void Full_batch_returns_every_index_in_order(int? batchSize)
    {
        var sampler = new MiniBatchSampler(30, batchSize, seed: 0);
        Assert.True(sampler.IsFullBatch);
        Assert.Equal(Enumerable.Range(0, 30), sampler.Next().ToArray());
        Assert.Equal(Enumerable.Range(0, 30), sampler.Next().ToArray());
        Assert.Equal(1, sampler.Epoch);
    }

    [Fact]
    public void Batch_size_zero_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => new MiniBatchSampler(10, 0, 0));
    }
}
