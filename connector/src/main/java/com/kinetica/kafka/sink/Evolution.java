package com.kinetica.kafka.sink;

import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.convert.ColumnException;
import com.kinetica.kafka.convert.KindMapping;
import com.kinetica.kafka.convert.MapRows;
import com.kinetica.kafka.convert.StructRows;
import com.kinetica.kafka.convert.TableLayout;
import com.kinetica.kafka.schema.ColumnSpec;
import com.kinetica.kafka.schema.KineticaTables;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits records to their table: new fields become nullable columns and missing fields make
 * their columns nullable, through /alter/table/columns, when schema evolution allows it.
 * Otherwise new fields are ignored with one warning, and missing required fields are errors.
 * Runs once per new struct schema, and for maps only when a map does not fit.
 */
final class Evolution {
    private static final Logger log = LoggerFactory.getLogger(Evolution.class);

    private final boolean addNewFields;
    private final boolean makeMissingNullable;
    private final KineticaTables tables;
    private final Set<String> warned = new HashSet<>();

    Evolution(KineticaSinkConfig config, KineticaTables tables) {
        this.addNewFields = config.addNewFields();
        this.makeMissingNullable = config.makeMissingNullable();
        this.tables = tables;
    }

    StructRows planFor(TableWriter w, Schema schema) throws GPUdbException {
        StructRows plan = w.cachedPlan(schema);
        if (plan != null) {
            return plan;
        }
        plan = w.plan(schema);
        if (plan.extraFields().isEmpty() && plan.missingRequired().isEmpty()) {
            return plan;
        }
        boolean add = addNewFields && !plan.extraFields().isEmpty();
        boolean relax = makeMissingNullable && !plan.missingRequired().isEmpty();
        if (add || relax) {
            // the table may have been altered by another task already
            w.write();
            w.retype(tables.refresh(w.id()));
            plan = w.plan(schema);
            if (addNewFields && !plan.extraFields().isEmpty()) {
                List<ColumnSpec> columns = new ArrayList<>();
                for (Field f : plan.extraFields()) {
                    columns.add(new ColumnSpec(f.name(), KindMapping.forSchema(f.schema()), true, false));
                }
                w.retype(tables.addColumns(w.id(), columns));
                plan = w.plan(schema);
            }
            if (makeMissingNullable && !plan.missingRequired().isEmpty()) {
                w.retype(tables.makeNullable(w.id(), columnsNamed(w.layout(), plan.missingRequired())));
                plan = w.plan(schema);
            }
        }
        if (!plan.extraFields().isEmpty()) {
            warnIgnored(w, plan.extraFields().stream().map(Field::name).toList());
        }
        return plan;
    }

    GenericRecord convertMap(TableWriter w, Map<?, ?> map) throws GPUdbException {
        MapRows rows = w.mapRows();
        if (addNewFields) {
            List<String> unknown = rows.unknownKeys(map);
            if (!unknown.isEmpty()) {
                w.write();
                w.retype(tables.refresh(w.id()));
                unknown = w.mapRows().unknownKeys(map);
                if (!unknown.isEmpty()) {
                    List<ColumnSpec> columns = new ArrayList<>();
                    for (String key : unknown) {
                        columns.add(new ColumnSpec(key, KindMapping.forValue(map.get(key)), true, false));
                    }
                    w.retype(tables.addColumns(w.id(), columns));
                }
                rows = w.mapRows();
            }
        } else if (map.size() > rows.layout().size()) {
            warnIgnored(w, rows.unknownKeys(map));
        }
        try {
            return rows.convert(map);
        } catch (ColumnException e) {
            if (!makeMissingNullable || map.containsKey(e.column())) {
                throw e;
            }
            w.write();
            w.retype(tables.makeNullable(w.id(), columnsNamed(w.layout(), List.of(e.column()))));
            return w.mapRows().convert(map);
        }
    }

    private static List<Type.Column> columnsNamed(TableLayout layout, List<String> names) {
        List<Type.Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(layout.type().getColumn(name));
        }
        return columns;
    }

    private void warnIgnored(TableWriter w, List<String> fields) {
        List<String> fresh = new ArrayList<>();
        for (String f : fields) {
            if (warned.add(w.id() + "\u0000" + f)) {
                fresh.add(f);
            }
        }
        if (!fresh.isEmpty()) {
            log.warn("Table {} has no column for field(s) {}: their values are not written. Set {}=true and {}=true "
                            + "to add such columns", w.id(), fresh, KineticaSinkConfig.EVOLUTION_ENABLED,
                    KineticaSinkConfig.ADD_NEW_FIELDS);
        }
    }
}
