using GdNotebooks.Data;

namespace GdNotebooks.Tests.Data;

public class DataSetTests
{
    // The shapes documented in datasets/README.md.
    [Theory]
    [InlineData("iris", 150, 4, 3)]
    [InlineData("breast_cancer", 569, 30, 2)]
    [InlineData("digits", 1797, 64, 10)]
    [InlineData("diabetes", 442, 10, 0)]
    [InlineData("wine", 178, 13, 3)]
    [InlineData("house_prices", 100, 1, 0)]
    public void Each_data_set_loads_with_its_documented_shape(string name, int rows, int columns, int classes)
    {
        var data = DataSet.Load(name);
        Assert.Equal(name, data.Name);
        Assert.Equal(rows, data.Rows);
        Assert.Equal(columns, data.Columns);
        Assert.Equal(columns, data.FeatureNames.Count);
        Assert.Equal(rows * columns, data.X.Length);
        Assert.Equal(classes, data.ClassCount);
        Assert.All(data.X, v => Assert.True(double.IsFinite(v)));
        if (classes > 0) Assert.Equal(Enumerable.Range(0, classes), data.Y.Select(y => (int)y).Distinct().Order());
    }

    [Fact]
    public void Names_list_every_shipped_file()
    {
        Assert.Equal(["breast_cancer", "diabetes", "digits", "house_prices", "iris", "wine"], DataSet.Names);
    }

    [Fact]
    public void Rows_are_row_major_as_in_the_file()
    {
        var iris = DataSet.Load("iris");
        Assert.Equal(["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"], iris.FeatureNames);
        Assert.Equal([5.1, 3.5, 1.4, 0.2], iris.Row(0).ToArray());
        Assert.Equal(0, iris.Y[0]);
        Assert.Equal(2, iris.Y[149]);
    }

    [Fact]
    public void Unknown_names_list_the_valid_ones()
    {
        var error = Assert.Throws<UsageException>(() => DataSet.Load("mnist"));
        Assert.Contains("'mnist'", error.Message);
        Assert.Contains("data set", error.Message);
        foreach (var name in DataSet.Names) Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Csv_reader_rejects_a_missing_target_column_and_bad_numbers()
    {
        Assert.Throws<FormatException>(() => DataSet.ReadCsv("t", new StringReader("a,b\n1,2\n"), false));
        Assert.Throws<FormatException>(() => DataSet.ReadCsv("t", new StringReader("a,target\n1,x\n"), false));
        var ok = DataSet.ReadCsv("t", new StringReader("a,target\n1,0\n2,1\n"), true);
        Assert.Equal(2, ok.ClassCount);
    }

    [Fact]
    public void Subset_keeps_rows_in_the_given_order()
    {
        var iris = DataSet.Load("iris");
        var subset = iris.Subset([149, 0]);
        Assert.Equal(iris.Row(149).ToArray(), subset.Row(0).ToArray());
        Assert.Equal([2.0, 0.0], subset.Y);
        Assert.Equal(3, subset.ClassCount);
    }
}
