#pragma once

// How the timeline (and the charts) draw states and markers. State colours are Paul Tol's
// "muted" scheme, which people with the common colour-vision deficiencies can tell apart, and
// never the only cue: each state also has its own height in the lane and its own pattern
// (ready hatched, waiting half height and dotted, paused striped, stopped cross-hatched, zombie a
// thin bar), and the legend shows all of them.
//
// Marker kinds are looked up in a table with a fallback, so that a kind the engine adds later
// (queue-put, lock-acquire, task-done, ...) is drawn and explained without a change elsewhere.

#include "core/RunModel.h"

#include <QColor>
#include <QCoreApplication>
#include <QJsonObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

class TimelineStyle {
    Q_DECLARE_TR_FUNCTIONS(TimelineStyle)

public:
    enum class Glyph {
        Birth,     // a triangle pointing right: the lane starts here
        Exec,      // a filled diamond
        Exit,      // a cross
        Reap,      // a filled disc
        Reparent,  // a hollow diamond
        Put,       // a triangle pointing up
        Get,       // a triangle pointing down
        Acquire,   // a filled square
        Release,   // a hollow square
        TaskStart, // a hollow triangle pointing right
        TaskDone,  // a check mark
        Error,     // an exclamation mark in a disc
        Other,     // a short upright bar
    };

    struct StateLook {
        QColor fill;
        Qt::BrushStyle pattern = Qt::NoBrush; // drawn over the fill, in a darker tone
        double height = 1.0;                  // of the lane's bar height
    };

    static StateLook look(ProcState state);
    static QColor color(ProcState state);
    // The state's short name for the legend and the charts ("running", "zombie", ...).
    static QString name(ProcState state);
    // One sentence about the state, for the legend's tool tips.
    static QString explanation(ProcState state);

    // Fills a bar for one state (the fill, then its pattern when the bar is wide enough).
    static void paintState(QPainter& painter, const QRectF& bar, ProcState state);
    // A legend swatch: the bar at its own height inside `box`.
    static void paintSwatch(QPainter& painter, const QRectF& box, ProcState state);

    static Glyph glyph(const QString& markerKind);
    // The marker's name in the legend ("born", "exit", "put in a queue", ...).
    static QString markerName(const QString& markerKind);
    // A sentence about one marker, from its event's fields.
    static QString markerText(const QString& markerKind, const QJsonObject& fields);
    // The kinds always in the legend, in order; others are added when a run has them.
    static QStringList basicMarkerKinds();
    static void paintGlyph(QPainter& painter, Glyph glyph, const QPointF& centre, double size,
                           const QColor& color, const QColor& outline);

    // The orphan period: a dashed line along the lane in this colour.
    static QColor orphanColor(bool dark);
};
