package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.CreateTypeRequest;
import com.gpudb.protocol.CreateTypeResponse;
import com.gpudb.protocol.ShowTypesRequest;
import com.gpudb.protocol.ShowTypesResponse;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.TableType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** /create/type and /show/types. */
final class TypeEndpoints {
    private final Catalog catalog;

    TypeEndpoints(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/create/type", this::createType);
        endpoints.put("/show/types", this::showTypes);
    }

    private CreateTypeResponse createType(Call call) {
        CreateTypeRequest request = call.decode(new CreateTypeRequest());
        TableType type = catalog.register(TableType.parse(
                request.getTypeDefinition(), request.getLabel(), request.getProperties()));
        return new CreateTypeResponse()
                .setTypeId(type.id())
                .setTypeDefinition(type.definition())
                .setLabel(type.label())
                .setProperties(type.properties())
                .setInfo(Map.of());
    }

    private ShowTypesResponse showTypes(Call call) {
        ShowTypesRequest request = call.decode(new ShowTypesRequest());
        String id = request.getTypeId();
        String label = request.getLabel();
        List<TableType> matching = new ArrayList<>();
        for (TableType type : catalog.types()) {
            if ((id.isEmpty() || type.id().equals(id)) && (label.isEmpty() || type.label().equals(label))) {
                matching.add(type);
            }
        }
        if (!id.isEmpty() && matching.isEmpty()) {
            throw new KineticaError("Type '" + id + "' does not exist");
        }
        return new ShowTypesResponse()
                .setTypeIds(matching.stream().map(TableType::id).toList())
                .setTypeSchemas(matching.stream().map(TableType::definition).toList())
                .setLabels(matching.stream().map(TableType::label).toList())
                .setProperties(matching.stream().map(TableType::properties).toList())
                .setInfo(Map.of());
    }
}
