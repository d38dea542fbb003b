using System.Globalization;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Linkage.Report;

/// <summary>Charts as inline pictures.</summary>
public static partial class WordAnnex
{
    private sealed partial class Writer
    {
        /// <summary>The picture at the print size its PNG declares, then its caption and source note.</summary>
        private IEnumerable<OpenXmlElement> FigureBlock(Figure figure)
        {
            _figures++;
            var id = string.Create(CultureInfo.InvariantCulture, $"rIdImage{_figures}");
            var part = main.AddImagePart(ImagePartType.Png, id);
            using (var png = new MemoryStream(figure.Png, writable: false))
            {
                part.FeedData(png);
            }

            var size = PngSize.Read(figure.Png);
            var picture = Styled(StyleIds.Picture, new Run(Drawing(id, (uint)_figures, Path.GetFileName(figure.FileName), figure.Caption, size)));
            picture.ParagraphProperties!.Append(new KeepNext());
            yield return picture;
            yield return Caption(text.Figure, "Figure", _figures, text.CaptionSeparator + figure.Caption, keepWithNext: figure.SourceNote is not null);
            if (figure.SourceNote is { } note)
            {
                yield return Styled(StyleIds.SourceNote, TextRun(note));
            }
        }

        /// <summary>An inline DrawingML picture; the caption is its alternative text.</summary>
        private static Drawing Drawing(string relationshipId, uint number, string name, string description, PngSize size) =>
            new(new Wp.Inline(
                new Wp.Extent { Cx = size.WidthEmu, Cy = size.HeightEmu },
                new Wp.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new Wp.DocProperties { Id = number, Name = Clean(name), Description = Clean(description) },
                new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new Pic.Picture(
                        new Pic.NonVisualPictureProperties(
                            new Pic.NonVisualDrawingProperties { Id = 0U, Name = Clean(name) },
                            new Pic.NonVisualPictureDrawingProperties()),
                        new Pic.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                        new Pic.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = size.WidthEmu, Cy = size.HeightEmu }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });
    }
}
