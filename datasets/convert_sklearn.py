#!/usr/bin/python3
"""Copy five small data sets from Debian's python3-sklearn into datasets/ as uniform CSV.

Uniform format: one header row (snake_case feature names, then `target`), one row per
example, plain numbers only. Values are copied as written in sklearn's files (no scaling);
diabetes is the raw (unscaled) table that sklearn's load_diabetes(scaled=False) returns.

Run with Debian's interpreter: /usr/bin/python3 datasets/convert_sklearn.py
"""
import csv
import gzip
import os
import re

SOURCE = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
HERE = os.path.dirname(os.path.abspath(__file__))


def snake(name):
    """'sepal length (cm)' -> 'sepal_length_cm'; 'od280/od315_of_...' -> 'od280_od315_of_...'."""
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


def number(text):
    """A plain decimal: '1.510000000000000000e+02' -> '151', '0.1184' stays '0.1184'."""
    text = text.strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return text
    value = float(text)
    return str(int(value)) if value.is_integer() else repr(value)


def sklearn_csv(file_name):
    """sklearn's own csv layout: a first line 'n_samples,n_features,class names…', then features and an integer class."""
    with open(os.path.join(SOURCE, file_name), newline="") as f:
        rows = list(csv.reader(f))
    n_samples, n_features = int(rows[0][0]), int(rows[0][1])
    body = rows[1:]
    assert len(body) == n_samples and all(len(r) == n_features + 1 for r in body)
    return body


def gz_rows(file_name, delimiter):
    with gzip.open(os.path.join(SOURCE, file_name), "rt") as f:
        return [line.split(delimiter) if delimiter else line.split() for line in f.read().splitlines() if line.strip()]


def write(name, features, rows):
    path = os.path.join(HERE, name + ".csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([snake(n) for n in features] + ["target"])
        for row in rows:
            assert len(row) == len(features) + 1
            w.writerow([number(v) for v in row])
    print(f"{path}: {len(rows)} rows x {len(features)} features")


IRIS = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]
WINE = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
        "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"]
CANCER_BASE = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
               "concave points", "symmetry", "fractal dimension"]
CANCER = (["mean " + b for b in CANCER_BASE] + [b + " error" for b in CANCER_BASE]
          + ["worst " + b for b in CANCER_BASE])
DIGITS = [f"pixel_{r}_{c}" for r in range(8) for c in range(8)]
DIABETES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]

if __name__ == "__main__":
    write("iris", IRIS, sklearn_csv("iris.csv"))
    write("wine", WINE, sklearn_csv("wine_data.csv"))
    write("breast_cancer", CANCER, sklearn_csv("breast_cancer.csv"))
    write("digits", DIGITS, gz_rows("digits.csv.gz", ","))
    data = gz_rows("diabetes_data_raw.csv.gz", None)
    target = gz_rows("diabetes_target.csv.gz", None)
    assert len(data) == len(target)
    write("diabetes", DIABETES, [d + t for d, t in zip(data, target)])
